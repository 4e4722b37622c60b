const express = require('express');
const libxmljs = require('libxmljs2');
const app = express();

app.get('/prefs', (req, res) => {
  const prefs = decodeURIComponent(req.cookies.prefs || '<prefs/>');
  const doc = libxmljs.parseXmlString(prefs);
  res.json({ theme: doc.root().attr('theme')?.value() });
});
