const express = require('express');
const crypto = require('crypto');
const app = express();

app.post('/cards', express.json(), (req, res) => {
  const key = Buffer.from(process.env.CARD_KEY, 'hex');
  const nonce = crypto.randomBytes(12);
  const c = crypto.createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });
  const enc = Buffer.concat([c.update(req.body.card), c.final()]);
  res.json({ nonce: nonce.toString('base64'), card: enc.toString('base64'), tag: c.getAuthTag().toString('base64') });
});
