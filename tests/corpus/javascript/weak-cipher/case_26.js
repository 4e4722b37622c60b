const express = require('express');
const crypto = require('crypto');
const app = express();
const LEGACY = false;

app.post('/payroll/encrypt', express.json(), (req, res) => {
  const key = Buffer.from(process.env.PAYROLL_KEY, 'hex');
  const iv = crypto.randomBytes(12);
  const c = crypto.createCipheriv(LEGACY ? 'des-ede3-cbc' : 'aes-256-gcm', key, iv);
  res.json({ iv: iv.toString('hex'), enc: Buffer.concat([c.update(String(req.body.salary)), c.final()]).toString('hex') });
});
