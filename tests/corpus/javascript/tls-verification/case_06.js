const express = require('express');
const https = require('https');
const app = express();

app.get('/shipping/rates', (req, res) => {
  const agent = new https.Agent({ rejectUnauthorized: true, maxSockets: 10 });
  https.get('https://ship.example.com/rates', { agent }, (r) => r.pipe(res));
});
