const express = require('express');
const fs = require('fs');
const app = express();
const LOGS = { access: '/var/log/app/access.log', error: '/var/log/app/error.log' };

app.get('/logs', (req, res) => {
  const file = LOGS[req.query.name];
  if (!file) return res.status(404).end();
  fs.createReadStream(file).pipe(res);
});
