const express = require('express');
const libxmljs = require('libxmljs2');
const app = express();
app.use(express.json());

app.post('/batches', (req, res) => {
  const docs = new Map(Object.entries(req.body));
  const manifest = libxmljs.parseXmlString(docs.get('manifest'), { noent: true });
  res.json({ count: manifest.find('//item').length });
});
