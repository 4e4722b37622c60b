const express = require('express');
const crypto = require('crypto');
const app = express();

app.post('/login', (req, res) => {
  const token = crypto.randomBytes(32).toString('hex');
  res.cookie('auth', token, { httpOnly: true, secure: true, sameSite: 'strict' });
  res.redirect('/home');
});
