const express = require('express');
const fs = require('fs');
const app = express();

app.get('/download', (req, res) => {
  const name = req.query.file;
  fs.readFile('/srv/uploads/' + name, (err, data) => {
    if (err) return res.sendStatus(404);
    res.send(data);
  });
});
