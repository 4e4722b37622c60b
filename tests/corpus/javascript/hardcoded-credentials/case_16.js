const express = require('express');
const axios = require('axios');
const app = express();

app.get('/partner/orders', async (req, res) => {
  const r = await axios.get('https://partner.example.com/orders', {
    auth: { username: 'partner-api', password: 'Xy7!kP2q#Lm9' },
  });
  res.json(r.data);
});
