const express = require('express');
const https = require('https');
const fs = require('fs');
const axios = require('axios');
const app = express();

const agent = new https.Agent({ ca: fs.readFileSync('/etc/app/partner-ca.pem'), rejectUnauthorized: true });

app.get('/partner/status', async (req, res) => {
  const r = await axios.get('https://partner.example.com/status', { httpsAgent: agent });
  res.json(r.data);
});
