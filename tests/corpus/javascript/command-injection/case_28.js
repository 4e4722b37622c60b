const express = require('express');
const { exec } = require('child_process');
const app = express();

app.get('/version', (req, res) => {
  const agent = req.get('user-agent');
  exec('node --version', (err, out) => {
    res.json({ agent, version: out.trim() });
  });
});
