const express = require('express');
const shellQuote = require('shell-quote');
const { exec } = require('child_process');
const app = express();

app.get('/whois', (req, res) => {
  const target = String(req.query.target);
  const cmd = shellQuote.quote(['whois', target]);
  exec(cmd, (err, out) => res.send(out));
});
