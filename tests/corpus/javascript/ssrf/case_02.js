const express = require('express');
const axios = require('axios');
const app = express();

app.get('/callback', async (req, res) => {
  const cb = req.cookies.callback;
  await axios.post(cb, { event: 'ping' });
  res.sendStatus(202);
});
