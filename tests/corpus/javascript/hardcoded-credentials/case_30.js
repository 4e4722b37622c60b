const express = require('express');
const axios = require('axios');
const app = express();
const apiKey = 'pk_live_51HqLy2EXAMPLEk3yV4lu3Zz';

app.post('/payments/charge', express.json(), async (req, res) => {
  const r = await axios.post('https://api.payments.example.com/charges', { amount: req.body.cents }, {
    headers: { Authorization: `Bearer ${apiKey}` },
  });
  res.json(r.data);
});
