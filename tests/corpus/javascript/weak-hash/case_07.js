const express = require('express');
const { createHash } = require('crypto');
const app = express();

app.post('/api-keys', (req, res) => {
  const key = require('crypto').randomUUID();
  const digest = createHash('sha1').update(key).digest('base64');
  res.json({ key, digest });
});
