const express = require('express');
const libxmljs = require('libxmljs');
const app = express();

app.post('/sitemap', express.text({ type: 'application/xml' }), (req, res) => {
  const entities = true;
  const doc = libxmljs.parseXmlString(req.body, { noent: entities, dtdload: entities });
  res.json({ urls: doc.find('//loc').map((n) => n.text()) });
});
