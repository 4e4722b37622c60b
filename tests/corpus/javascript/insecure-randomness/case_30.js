const express = require('express');
const session = require('express-session');
const crypto = require('crypto');
const app = express();
app.use(session({ secret: process.env.SESSION_SECRET }));

app.get('/csrf', (req, res) => {
  const token = crypto.randomBytes(32).toString('base64url');
  req.session.csrf = token;
  res.json({ token });
});
