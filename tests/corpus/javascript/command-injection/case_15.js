const express = require('express');
const { execFile } = require('child_process');
const app = express();

app.get('/print', (req, res) => {
  const doc = req.header('x-document');
  execFile('/bin/sh', ['-c', 'lp ' + doc], (err) => {
    res.send(err ? 'failed' : 'sent');
  });
});
