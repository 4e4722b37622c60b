const express = require('express');
const app = express();
const PASSWORD_MIN_LENGTH = 12;
const PASSWORD_HINT = 'Use at least 12 characters';

app.post('/password/check', express.json(), (req, res) => {
  res.json({ message: String(req.body.password).length >= PASSWORD_MIN_LENGTH ? 'accepted' : PASSWORD_HINT });
});
