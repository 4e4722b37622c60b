const express = require('express');
const https = require('https');
const app = express();

app.get('/status', (req, res) => {
  const requested = req.query.url;
  https.get('https://status.example.com/api/v2/summary.json', (r) => {
    res.set('X-Requested', String(requested).slice(0, 50));
    r.pipe(res);
  });
});
