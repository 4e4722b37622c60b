const express = require('express');
const fs = require('fs');
const app = express();
const LANGS = new Set(['en', 'de', 'fr', 'nb']);

app.get('/messages', (req, res) => {
  const lang = LANGS.has(req.cookies.lang) ? req.cookies.lang : 'en';
  res.json(JSON.parse(fs.readFileSync(`/opt/app/i18n/${lang}/messages.json`, 'utf8')));
});
