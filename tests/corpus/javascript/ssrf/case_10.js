const express = require('express');
const dns = require('dns').promises;
const ipaddr = require('ipaddr.js');
const axios = require('axios');
const app = express();

app.post('/webhooks/test', express.json(), async (req, res) => {
  const url = new URL(String(req.body.endpoint));
  const { address } = await dns.lookup(url.hostname);
  if (url.protocol !== 'https:' || ipaddr.parse(address).range() !== 'unicast') {
    return res.status(400).send('endpoint must be a public https URL');
  }
  const r = await axios.post(url.toString(), {}, { maxRedirects: 0 });
  res.json({ status: r.status });
});
