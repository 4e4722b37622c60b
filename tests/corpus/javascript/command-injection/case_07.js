const express = require('express');
const { spawn } = require('child_process');
const app = express();
const SERVICES = new Set(['nginx', 'redis', 'postgresql']);

app.post('/restart', express.json(), (req, res) => {
  const service = req.body.service;
  if (!SERVICES.has(service)) {
    return res.status(403).send('not allowed');
  }
  spawn('systemctl', ['restart', service]);
  res.send('restarting');
});
