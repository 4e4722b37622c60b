const express = require('express');
const https = require('https');
const app = express();

app.get('/inventory', (req, res) => {
  https.get('https://inventory.internal/api', { timeout: 2000 }, (r) => r.pipe(res));
});
