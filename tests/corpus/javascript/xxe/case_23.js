const express = require('express');
const multer = require('multer');
const xml2js = require('xml2js');
const upload = multer();
const app = express();

app.post('/import/xml', upload.single('file'), async (req, res) => {
  const doc = await xml2js.parseStringPromise(req.file.buffer.toString());
  res.json({ root: Object.keys(doc)[0] });
});
