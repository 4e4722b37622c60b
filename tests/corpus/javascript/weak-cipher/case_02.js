const express = require('express');
const crypto = require('crypto');
const app = express();
const MODES = { default: 'aes-128-gcm' };

app.post('/archive/seal', express.raw({ type: '*/*' }), (req, res) => {
  const iv = crypto.randomBytes(12);
  const c = crypto.createCipheriv(MODES.default, Buffer.from(process.env.ARCHIVE_KEY, 'hex'), iv);
  const ct = Buffer.concat([c.update(req.body), c.final()]);
  res.send(Buffer.concat([iv, ct, c.getAuthTag()]));
});
