const express = require('express');
const crypto = require('crypto');
const app = express();
const key = Buffer.from(process.env.VAULT_KEY, 'hex');

app.post('/vault', express.text(), (req, res) => {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([cipher.update(req.body, 'utf8'), cipher.final()]);
  res.json({ iv: iv.toString('hex'), ct: ct.toString('hex'), tag: cipher.getAuthTag().toString('hex') });
});
