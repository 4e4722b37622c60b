const express = require('express');
const axios = require('axios');
const app = express();
const HOSTS = new Set(['images.example.com', 'cdn.example.com']);

app.get('/preview', async (req, res) => {
  let url;
  try {
    url = new URL(String(req.query.url));
  } catch (e) {
    return res.status(400).send('not a URL');
  }
  if (url.protocol !== 'https:' || !HOSTS.has(url.hostname)) return res.status(400).send('host not allowed');
  const response = await axios.get(url.toString());
  res.send(response.data);
});
