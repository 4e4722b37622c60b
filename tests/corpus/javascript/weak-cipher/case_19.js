const express = require('express');
const crypto = require('crypto');
const app = express();
const MODES = { fast: 'aes-128-ecb', compat: 'des-cbc' };

app.post('/archive/seal', express.raw({ type: '*/*' }), (req, res) => {
  const c = crypto.createCipheriv(MODES.fast, Buffer.from(process.env.ARCHIVE_KEY, 'hex'), null);
  res.send(Buffer.concat([c.update(req.body), c.final()]));
});
