const express = require('express');
const { spawn } = require('child_process');
const app = express();

app.get('/grep', (req, res) => {
  const pattern = req.cookies.filter;
  const child = spawn('grep ' + pattern + ' /var/log/app.log', { shell: true });
  child.stdout.pipe(res);
});
