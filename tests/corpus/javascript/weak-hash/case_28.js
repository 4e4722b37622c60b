const express = require('express');
const CryptoJS = require('crypto-js');
const app = express();

app.post('/password-reset', express.json(), (req, res) => {
  const token = CryptoJS.MD5(req.body.email + Date.now()).toString();
  res.json({ sent: true, length: token.length });
});
