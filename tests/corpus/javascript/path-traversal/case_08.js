const express = require('express');
const fs = require('fs');
const app = express();

app.get('/thumb', (req, res) => {
  const image = String(req.query.img);
  if (!/^[\w-]{1,64}\.jpg$/.test(image)) return res.status(400).end();
  fs.createReadStream('/srv/images/' + image).pipe(res);
});
