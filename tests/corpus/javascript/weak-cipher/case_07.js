const express = require('express');
const crypto = require('crypto');
const app = express();
const key = Buffer.from(process.env.CARD_KEY, 'hex');

app.post('/cards', express.json(), (req, res) => {
  const cipher = crypto.createCipheriv('des-ecb', key.subarray(0, 8), null);
  const enc = Buffer.concat([cipher.update(req.body.card), cipher.final()]);
  res.json({ card: enc.toString('base64') });
});
