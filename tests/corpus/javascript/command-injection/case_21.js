const express = require('express');
const { execFile } = require('child_process');
const app = express();

app.get('/ping', (req, res) => {
  const host = String(req.query.host);
  if (!/^[a-zA-Z0-9.-]{1,253}$/.test(host)) {
    return res.status(400).send('invalid host');
  }
  execFile('ping', ['-c', '1', host], (err, stdout) => res.send(stdout));
});
