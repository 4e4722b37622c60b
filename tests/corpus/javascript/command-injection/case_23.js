const express = require('express');
const { exec } = require('child_process');
const app = express();

app.get('/zip', (req, res) => {
  const folder = req.query.folder;
  const cmd = ['zip', '-r', 'out.zip', folder].join(' ');
  exec(cmd, (err) => res.send(err ? 'error' : 'zipped'));
});
