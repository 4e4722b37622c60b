const express = require('express');
const crypto = require('crypto');
const app = express();

app.post('/signup', express.json(), (req, res) => {
  const salt = crypto.randomBytes(16);
  crypto.pbkdf2(req.body.password, salt, 600000, 32, 'sha512', (err, key) => {
    res.json({ user: req.body.username, key: key.length });
  });
});
