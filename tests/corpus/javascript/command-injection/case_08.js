const express = require('express');
const childProcess = require('child_process');
const app = express();
app.use(express.json());

app.post('/convert', (req, res) => {
  const opts = { input: req.body.file, size: req.body.size };
  const parts = ['convert', opts.input, '-resize', opts.size, '/tmp/thumb.png'];
  childProcess.exec(parts.join(' '), () => res.sendStatus(201));
});
