const express = require('express');
const crypto = require('crypto');
const app = express();
const ALGS = { legacy: 'md4', current: 'md5' };

app.post('/pins', express.json(), (req, res) => {
  const h = crypto.createHash(ALGS.current);
  h.update(String(req.body.pin));
  res.json({ size: h.digest().length });
});
