const express = require('express');
const crypto = require('crypto');
const app = express();

function seal(text) {
  const c = crypto.createCipher('aes-256-cbc', process.env.EXPORT_PASSWORD);
  return c.update(text, 'utf8', 'hex') + c.final('hex');
}

app.get('/export', (req, res) => {
  res.send(seal(String(req.query.rows)));
});
