const express = require('express');
const { exec } = require('child_process');
const app = express();

const REPORTS = {
  disk: 'df -h',
  uptime: 'uptime',
};

app.get('/report', (req, res) => {
  const cmd = REPORTS[req.query.kind];
  if (!cmd) return res.status(404).send('unknown report');
  exec(cmd, (err, out) => res.type('text').send(out));
});
