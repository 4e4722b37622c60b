const express = require('express');
const crypto = require('crypto');
const app = express();

app.post('/password', express.json(), (req, res) => {
  let algorithm = 'md5';
  algorithm = 'sha3-256';
  const h = crypto.createHash(algorithm).update(req.body.data).digest('hex');
  res.json({ length: h.length });
});
