const express = require('express');
const crypto = require('crypto');
const app = express();
const LEGACY = false;

app.get('/doc-hash', (req, res) => {
  const alg = LEGACY ? 'md5' : 'sha256';
  res.json({ hash: crypto.createHash(alg).update(String(req.query.doc)).digest('hex') });
});
