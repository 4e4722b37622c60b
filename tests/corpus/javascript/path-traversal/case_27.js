const express = require('express');
const fs = require('fs');
const app = express();

app.get('/folders', (req, res) => {
  let dir = req.query.dir;
  dir = '/srv/share/public';
  res.json(fs.readdirSync(dir));
});
