const express = require('express');
const crypto = require('crypto');
const app = express();
const ALGORITHM = 'rc4';

app.post('/stream/encrypt', express.raw({ type: '*/*' }), (req, res) => {
  const c = crypto.createCipheriv(ALGORITHM, Buffer.from(process.env.STREAM_KEY, 'hex'), '');
  res.send(Buffer.concat([c.update(req.body), c.final()]));
});
