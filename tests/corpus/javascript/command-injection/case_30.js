const express = require('express');
const { exec } = require('child_process');
const app = express();

app.get('/logs', (req, res) => {
  const lines = [req.query.a, req.query.b];
  const cmd = 'tail -n 50 /var/log/app.log';
  exec(cmd, (err, out) => res.json({ filters: lines, out }));
});
