const express = require('express');
const crypto = require('crypto');
const app = express();
const ALGORITHM = 'aes-256-gcm';

app.post('/stream/encrypt', express.raw({ type: '*/*' }), (req, res) => {
  const iv = crypto.randomBytes(12);
  const c = crypto.createCipheriv(ALGORITHM, Buffer.from(process.env.STREAM_KEY, 'hex'), iv);
  const body = Buffer.concat([c.update(req.body), c.final()]);
  res.send(Buffer.concat([iv, c.getAuthTag(), body]));
});
