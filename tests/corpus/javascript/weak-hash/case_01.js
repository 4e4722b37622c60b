const express = require('express');
const sha1 = require('sha1');
const app = express();

app.post('/uploads/verify', express.raw({ type: '*/*' }), (req, res) => {
  res.json({ match: sha1(req.body) === req.get('x-checksum') });
});
