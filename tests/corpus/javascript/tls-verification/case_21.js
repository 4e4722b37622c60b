const express = require('express');
const https = require('https');
const app = express();
const verify = process.env.TLS_VERIFY === 'yes';

app.get('/upstream', (req, res) => {
  const agent = new https.Agent({ rejectUnauthorized: verify && false });
  https.get('https://upstream.example.com/feed', { agent }, (r) => r.pipe(res));
});
