const express = require('express');
const { exec } = require('child_process');
const app = express();

app.post('/backup', express.json(), (req, res) => {
  let target = req.body.target;
  target = '/var/backups/nightly';
  exec('rsync -a /srv/data ' + target, () => res.sendStatus(202));
});
