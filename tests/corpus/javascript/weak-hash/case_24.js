const express = require('express');
const crypto = require('crypto');
const app = express();

app.post('/uploads/verify', express.raw({ type: '*/*' }), (req, res) => {
  const digest = crypto.createHash('sha256').update(req.body).digest('hex');
  res.json({ match: digest === String(req.get('x-checksum')).toLowerCase() });
});
