const express = require('express');
const libxmljs = require('libxmljs');
const app = express();
app.use(express.text({ type: 'application/xml' }));

app.post('/orders/xml', (req, res) => {
  const parserOptions = { noent: true, huge: true };
  const xml = req.body.trim();
  const doc = libxmljs.parseXml(xml, parserOptions);
  res.send(doc.get('//id').text());
});
