const express = require('express');
const axios = require('axios');
const config = require('config');
const app = express();

app.post('/payments/charge', express.json(), async (req, res) => {
  const r = await axios.post('https://api.payments.example.com/charges', { amount: req.body.cents }, {
    headers: { Authorization: `Bearer ${config.get('payments.apiKey')}` },
  });
  res.json(r.data);
});
