const express = require('express');
const sodium = require('sodium-native');
const app = express();

app.post('/messages', express.text(), (req, res) => {
  const msg = Buffer.from(req.body);
  const nonce = Buffer.alloc(sodium.crypto_secretbox_NONCEBYTES);
  sodium.randombytes_buf(nonce);
  const out = Buffer.alloc(msg.length + sodium.crypto_secretbox_MACBYTES);
  sodium.crypto_secretbox_easy(out, msg, nonce, Buffer.from(process.env.MSG_KEY, 'hex'));
  res.send(Buffer.concat([nonce, out]).toString('base64'));
});
