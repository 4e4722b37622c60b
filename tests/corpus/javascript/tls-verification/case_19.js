const express = require('express');
const https = require('https');
const tls = require('tls');
const crypto = require('crypto');
const fetch = require('node-fetch');
const app = express();
const PINNED = process.env.WEATHER_CERT_SHA256;

const agent = new https.Agent({
  checkServerIdentity: (host, cert) => {
    const err = tls.checkServerIdentity(host, cert);
    if (err) return err;
    const fp = crypto.createHash('sha256').update(cert.raw).digest('hex');
    return fp === PINNED ? undefined : new Error('certificate fingerprint mismatch');
  },
});

app.get('/weather', async (req, res) => {
  res.json(await (await fetch('https://weather.example.com/now', { agent })).json());
});
