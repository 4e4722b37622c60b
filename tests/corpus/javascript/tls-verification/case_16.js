const express = require('express');
const https = require('https');
const app = express();
const ALLOW_SELF_SIGNED = false;

app.get('/upstream', (req, res) => {
  const agent = new https.Agent({ rejectUnauthorized: !ALLOW_SELF_SIGNED });
  https.get('https://upstream.example.com/feed', { agent }, (r) => r.pipe(res));
});
