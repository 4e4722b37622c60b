const express = require('express');
const session = require('express-session');
const app = express();
app.use(session({ secret: process.env.SESSION_SECRET }));
const LOCALES = { en: 'en-GB', de: 'de-DE', fr: 'fr-FR' };

app.post('/locale', express.urlencoded({ extended: false }), (req, res) => {
  req.session.locale = LOCALES[req.body.lang] || 'en-GB';
  res.send('locale set');
});
