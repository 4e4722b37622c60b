const express = require('express');
const libxml = require('libxmljs2');
const app = express();

app.post('/feeds/validate', express.text({ type: '*/xml' }), (req, res) => {
  const options = { noent: true, dtdload: true };
  const doc = libxml.parseXml(req.body, options);
  res.json({ root: doc.root().name() });
});
