const express = require('express');
const childProcess = require('child_process');
const app = express();

app.get('/resize', (req, res) => {
  const width = Number.parseInt(req.query.width, 10);
  if (!Number.isInteger(width) || width <= 0 || width > 4096) {
    return res.status(400).send('width out of range');
  }
  childProcess.exec(`mogrify -resize ${width} /srv/img/latest.png`, () => res.send('resized'));
});
