const express = require('express');
const crypto = require('crypto');
const app = express();

app.post('/login', express.urlencoded({ extended: false }), (req, res) => {
  const salt = Buffer.from(req.body.salt, 'base64');
  crypto.scrypt(req.body.pw, salt, 64, { N: 16384 }, (err, key) => {
    res.sendStatus(key.toString('hex') === req.body.expected ? 200 : 401);
  });
});
