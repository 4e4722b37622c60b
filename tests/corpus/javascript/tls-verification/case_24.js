process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

const express = require('express');
const axios = require('axios');
const app = express();

app.get('/billing/ping', async (req, res) => {
  const r = await axios.get('https://billing.example.com/ping');
  res.sendStatus(r.status);
});
