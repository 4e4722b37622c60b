const express = require('express');
const axios = require('axios');
const app = express();
const ENDPOINTS = { eu: 'https://eu.api.example.com/health', us: 'https://us.api.example.com/health' };

app.get('/region/health', async (req, res) => {
  const url = ENDPOINTS[req.query.region];
  if (!url) return res.status(404).send('unknown region');
  res.json((await axios.get(url)).data);
});
