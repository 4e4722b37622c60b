const express = require('express');
const crypto = require('crypto');
const app = express();

app.post('/ssn', express.urlencoded({ extended: false }), (req, res) => {
  const key = Buffer.from(process.env.SSN_KEY, 'hex');
  const iv = crypto.randomBytes(12);
  const c = crypto.createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([c.update(req.body.ssn, 'utf8'), c.final()]);
  res.send([iv, ct, c.getAuthTag()].map((b) => b.toString('base64')).join('.'));
});
