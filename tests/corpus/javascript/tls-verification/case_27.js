const express = require('express');
const axios = require('axios');
const app = express();

app.get('/billing/ping', async (req, res) => {
  const r = await axios.get('https://billing.example.com/ping', { timeout: 3000 });
  res.sendStatus(r.status);
});
