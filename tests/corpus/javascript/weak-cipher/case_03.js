const express = require('express');
const crypto = require('crypto');
const app = express();

app.post('/vault', express.text(), (req, res) => {
  const key = Buffer.from(process.env.VAULT_KEY, 'hex');
  const cipher = crypto.createCipheriv('aes-256-ecb', key, null);
  res.send(cipher.update(req.body, 'utf8', 'hex') + cipher.final('hex'));
});
