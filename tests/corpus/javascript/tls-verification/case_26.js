const express = require('express');
const https = require('https');
const app = express();

function insecureAgent() {
  const opts = {};
  opts['rejectUnauthorized'] = false;
  return new https.Agent(opts);
}

app.get('/shipping/rates', (req, res) => {
  https.get('https://ship.example.com/rates', { agent: insecureAgent() }, (r) => r.pipe(res));
});
