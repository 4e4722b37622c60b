const express = require('express');
const session = require('express-session');
const app = express();
app.use(session({ secret: process.env.SESSION_SECRET }));

app.post('/flags/beta', express.urlencoded({ extended: false }), (req, res) => {
  const on = req.body.enabled === 'true';
  req.session.betaUi = on;
  res.send(on ? 'beta on' : 'beta off');
});
