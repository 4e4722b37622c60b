const express = require('express');
const libxmljs = require('libxmljs');
const app = express();

app.get('/snippet', (req, res) => {
  const snippet = req.get('x-snippet');
  const doc = libxmljs.parseXmlString(`<?xml version="1.0"?>${snippet}`);
  res.send(doc.root().text());
});
