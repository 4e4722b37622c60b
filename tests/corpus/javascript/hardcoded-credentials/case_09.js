const express = require('express');
const axios = require('axios');
const app = express();

app.get('/partner/orders', async (req, res) => {
  const r = await axios.get('https://partner.example.com/orders', {
    auth: { username: process.env.PARTNER_USER, password: process.env.PARTNER_PASSWORD },
  });
  res.json(r.data);
});
