const express = require('express');
const multer = require('multer');
const crypto = require('crypto');
const fs = require('fs');
const upload = multer({ storage: multer.memoryStorage() });
const app = express();

app.post('/upload', upload.single('file'), (req, res) => {
  const id = crypto.randomUUID();
  fs.writeFileSync(`/srv/uploads/${id}.bin`, req.file.buffer);
  res.json({ id, original: req.file.originalname });
});
