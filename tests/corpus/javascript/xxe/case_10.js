const express = require('express');
const libxmljs = require('libxmljs');
const app = express();
app.use(express.text({ type: 'application/xml' }));

app.post('/invoices', (req, res) => {
  const doc = libxmljs.parseXmlString(req.body, { noent: false, nonet: true });
  res.send(doc.root().text());
});
