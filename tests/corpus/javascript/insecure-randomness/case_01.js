const express = require('express');
const app = express();
const CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

function tempPassword(len) {
  let out = '';
  while (out.length < len) out += CHARS[Math.floor(Math.random() * CHARS.length)];
  return out;
}

app.post('/users/:id/temp-password', (req, res) => {
  res.json({ id: req.params.id, password: tempPassword(12) });
});
