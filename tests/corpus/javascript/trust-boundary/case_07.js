const express = require('express');
const session = require('express-session');
const app = express();
app.use(session({ secret: process.env.SESSION_SECRET }));
const THEMES = new Set(['light', 'dark', 'contrast']);

app.post('/prefs', express.urlencoded({ extended: false }), (req, res) => {
  if (!THEMES.has(req.body.theme)) return res.status(400).send('unknown theme');
  req.session.theme = req.body.theme;
  res.redirect('/dashboard');
});
