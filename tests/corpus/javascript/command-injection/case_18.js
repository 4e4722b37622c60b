const express = require('express');
const cp = require('child_process');
const router = express.Router();

router.post('/archive', (req, res) => {
  const name = req.body.name;
  cp.execFileSync('tar', ['czf', '/var/backups/out.tgz', '--', name]);
  res.json({ status: 'done' });
});

module.exports = router;
