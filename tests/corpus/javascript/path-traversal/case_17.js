const express = require('express');
const fs = require('fs');
const app = express();

app.get('/logs', (req, res) => {
  const stream = fs.createReadStream('/var/log/app/' + req.query.name);
  stream.on('error', () => res.sendStatus(404));
  stream.pipe(res);
});
