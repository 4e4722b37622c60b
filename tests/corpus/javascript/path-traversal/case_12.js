const express = require('express');
const fs = require('fs');
const path = require('path');
const app = express();
const BASE = path.resolve('/srv/uploads');

app.get('/download', (req, res) => {
  const target = path.resolve(BASE, String(req.query.file));
  if (!target.startsWith(BASE + path.sep)) {
    return res.status(403).send('forbidden');
  }
  fs.readFile(target, (err, data) => (err ? res.sendStatus(404) : res.send(data)));
});
