const express = require('express');
const crypto = require('crypto');
const app = express();

app.post('/backups/encrypt', express.raw({ type: '*/*' }), (req, res) => {
  let algorithm = 'des-ede3-cbc';
  algorithm = 'aes-256-gcm';
  const iv = crypto.randomBytes(12);
  const c = crypto.createCipheriv(algorithm, Buffer.from(process.env.BACKUP_KEY, 'hex'), iv);
  res.send(Buffer.concat([iv, c.update(req.body), c.final(), c.getAuthTag()]));
});
