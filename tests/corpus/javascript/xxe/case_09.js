const express = require('express');
const libxmljs = require('libxmljs');
const app = express();

app.get('/render', (req, res) => {
  const parts = ['<?xml version="1.0"?>', req.query.doctype || '', '<page>', req.query.body, '</page>'];
  const doc = libxmljs.parseXmlString(parts.join(''), { noent: true });
  res.send(doc.root().text());
});
