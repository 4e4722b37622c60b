const express = require('express');
const axios = require('axios');
const app = express();

app.get('/feed', async (req, res) => {
  let feed = req.query.feed;
  feed = 'https://blog.example.com/feed.xml';
  res.type('xml').send((await axios.get(feed)).data);
});
