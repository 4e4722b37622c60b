const express = require('express');
const crypto = require('crypto');
const app = express();

app.post('/password-reset', express.json(), (req, res) => {
  const code = String(crypto.randomInt(0, 1000000)).padStart(6, '0');
  req.session.resetCode = code;
  res.json({ sent: true });
});
