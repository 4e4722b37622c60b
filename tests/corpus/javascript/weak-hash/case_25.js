const express = require('express');
const crypto = require('crypto');
const app = express();

app.post('/signup', express.json(), (req, res) => {
  const salt = crypto.randomBytes(8).toString('hex');
  const hash = crypto.createHash('RSA-MD5').update(salt + req.body.password).digest('hex');
  res.json({ user: req.body.username, salt, hash: hash.length });
});
