const express = require('express');
const fs = require('fs');
const app = express();

function localeFile(lang) {
  return `/opt/app/i18n/${lang}/messages.json`;
}

app.get('/messages', (req, res) => {
  const lang = req.cookies.lang || 'en';
  res.json(JSON.parse(fs.readFileSync(localeFile(lang), 'utf8')));
});
