const express = require('express');
const { execSync } = require('child_process');
const app = express();

app.get('/uptime', (req, res) => {
  const requested = req.query.cmd;
  const out = execSync('uptime').toString();
  res.json({ requestedLength: String(requested).length, out });
});
