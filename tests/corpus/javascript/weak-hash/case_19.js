const express = require('express');
const crypto = require('crypto');
const app = express();

app.post('/password', express.json(), (req, res) => {
  let algorithm = req.body.strong ? 'sha256' : 'md5';
  algorithm = 'md5';
  const h = crypto.createHash(algorithm).update(req.body.newPassword).digest('hex');
  res.json({ length: h.length });
});
