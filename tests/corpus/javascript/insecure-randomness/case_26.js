const express = require('express');
const session = require('express-session');
const app = express();
app.use(session({ secret: process.env.SESSION_SECRET }));

app.get('/csrf', (req, res) => {
  const token = (Math.random() * 1e17).toString(36);
  req.session.csrf = token;
  res.json({ token });
});
