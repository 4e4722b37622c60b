const express = require('express');
const crypto = require('crypto');
const app = express();

function hashPassword(pw) {
  return crypto.createHash('sha1').update('static-salt' + pw).digest('hex');
}

app.post('/login', express.urlencoded({ extended: false }), (req, res) => {
  res.sendStatus(hashPassword(req.body.pw) === req.body.expected ? 200 : 401);
});
