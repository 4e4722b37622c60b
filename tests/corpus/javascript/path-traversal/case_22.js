const express = require('express');
const multer = require('multer');
const fs = require('fs');
const upload = multer({ storage: multer.memoryStorage() });
const app = express();

app.post('/upload', upload.single('file'), (req, res) => {
  const target = '/srv/uploads/' + req.file.originalname;
  fs.writeFileSync(target, req.file.buffer);
  res.send('stored');
});
