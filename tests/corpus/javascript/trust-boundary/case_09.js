const express = require('express');
const session = require('express-session');
const app = express();
app.use(session({ secret: process.env.SESSION_SECRET }));

app.get('/login/sso', (req, res) => {
  const profile = JSON.parse(Buffer.from(req.query.state, 'base64').toString());
  req.session.user = profile;
  res.redirect('/');
});
