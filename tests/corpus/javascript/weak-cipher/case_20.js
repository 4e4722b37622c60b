import express from 'express';
import crypto from 'crypto';

const app = express();

app.post('/backups/encrypt', express.raw({ type: '*/*' }), (req, res) => {
  let algorithm = 'aes-256-gcm';
  algorithm = 'des-ede-cbc';
  const c = crypto.createCipheriv(algorithm, Buffer.from(process.env.BACKUP_KEY, 'hex'), crypto.randomBytes(8));
  res.send(Buffer.concat([c.update(req.body), c.final()]));
});
