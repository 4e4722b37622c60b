const express = require('express');
const crypto = require('crypto');
const app = express();

app.post('/keys', (req, res) => {
  const key = Buffer.alloc(32);
  for (let i = 0; i < key.length; i++) key[i] = Math.floor(Math.random() * 256);
  const iv = crypto.randomBytes(12);
  const c = crypto.createCipheriv('aes-256-gcm', key, iv);
  res.json({ ready: Boolean(c) });
});
