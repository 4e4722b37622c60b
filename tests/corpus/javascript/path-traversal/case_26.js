const express = require('express');
const fs = require('fs');
const app = express();

app.get('/thumb', (req, res) => {
  const image = req.query.img;
  if (!image.endsWith('.jpg')) return res.status(400).end();
  fs.createReadStream('/srv/images/' + image).pipe(res);
});
