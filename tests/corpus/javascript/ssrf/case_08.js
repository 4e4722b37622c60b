const express = require('express');
const axios = require('axios');
const app = express();

app.get('/weather', async (req, res) => {
  const { data } = await axios.get('https://api.weather.example.com/v1/now', { params: { city: req.query.city } });
  res.json(data);
});
