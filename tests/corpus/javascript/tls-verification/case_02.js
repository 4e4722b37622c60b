const express = require('express');
const https = require('https');
const app = express();

app.get('/inventory', (req, res) => {
  https.get('https://inventory.internal/api', { rejectUnauthorized: false }, (r) => r.pipe(res));
});
