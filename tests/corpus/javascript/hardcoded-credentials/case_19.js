const express = require('express');
const crypto = require('crypto');
const app = express();
const KEY = Buffer.from('Q7w9E2r4T6y8U1i3O5p7A9s2D4f6G8h0');

app.post('/vault', express.text(), (req, res) => {
  const iv = crypto.randomBytes(12);
  const c = crypto.createCipheriv('aes-256-gcm', KEY, iv);
  res.send(Buffer.concat([iv, c.update(req.body), c.final(), c.getAuthTag()]).toString('base64'));
});
