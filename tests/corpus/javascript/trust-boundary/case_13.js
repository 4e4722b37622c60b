const express = require('express');
const session = require('express-session');
const app = express();
app.use(session({ secret: process.env.SESSION_SECRET }));

app.post('/flags', express.urlencoded({ extended: false }), (req, res) => {
  req.session[req.body.attr] = 'enabled';
  res.sendStatus(204);
});
