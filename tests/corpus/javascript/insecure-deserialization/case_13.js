const express = require('express');
const yaml = require('js-yaml');
const multer = require('multer');
const upload = multer();
const app = express();

app.post('/import', upload.single('file'), (req, res) => {
  const doc = yaml.load(req.file.buffer.toString('utf8'), { schema: yaml.FAILSAFE_SCHEMA });
  res.json({ entries: Object.keys(doc).length });
});
