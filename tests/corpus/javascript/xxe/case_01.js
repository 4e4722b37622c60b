const express = require('express');
const libxmljs = require('libxmljs2');
const fs = require('fs');
const app = express();

app.get('/templates', (req, res) => {
  const name = req.query.name;
  const doc = libxmljs.parseXmlString(fs.readFileSync('/opt/app/templates.xml', 'utf8'), { noent: true });
  res.json({ name, count: doc.find('//template').length });
});
