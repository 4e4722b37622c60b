const express = require('express');
const fs = require('fs');
const app = express();

app.get('/status', (req, res) => {
  const asked = req.query.file;
  const text = fs.readFileSync('/srv/status/current.txt', 'utf8');
  res.json({ asked, text });
});
