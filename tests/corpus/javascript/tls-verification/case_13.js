const express = require('express');
const axios = require('axios');
const https = require('https');
const app = express();

const client = axios.create({
  baseURL: 'https://ledger.example.com',
  httpsAgent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }),
});

app.get('/ledger/health', async (req, res) => res.json((await client.get('/health')).data));
