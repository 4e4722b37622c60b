const express = require('express');
const { randomBytes } = require('crypto');
const app = express();

app.post('/api-keys', (req, res) => {
  res.json({ key: randomBytes(32).toString('hex') });
});
