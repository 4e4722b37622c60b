const express = require('express');
const yaml = require('js-yaml');
const multer = require('multer');
const upload = multer();
const app = express();

app.post('/import', upload.single('file'), (req, res) => {
  const text = req.file.buffer.toString('utf8');
  const doc = yaml.load(text, { schema: yaml.DEFAULT_FULL_SCHEMA });
  res.json({ entries: Object.keys(doc).length });
});
