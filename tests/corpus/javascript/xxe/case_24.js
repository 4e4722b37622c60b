const express = require('express');
const multer = require('multer');
const libxmljs = require('libxmljs');
const upload = multer();
const app = express();

app.post('/import/xml', upload.single('file'), (req, res) => {
  const doc = libxmljs.parseXmlString(req.file.buffer.toString(), { noent: true, noblanks: true });
  res.json({ items: doc.find('//item').length });
});
