const express = require('express');
const crypto = require('crypto');
const app = express();

app.post('/remember-me', (req, res) => {
  const series = crypto.randomBytes(16).toString('hex');
  res.cookie('remember', series, { httpOnly: true, secure: true, maxAge: 2592000000 });
  res.sendStatus(204);
});
