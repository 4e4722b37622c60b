const express = require('express');
const crypto = require('crypto');
const app = express();

app.get('/licenses/check', (req, res) => {
  const expected = crypto.createHash('md5').update(process.env.LICENSE_KEY + req.query.customer).digest('hex');
  res.json({ valid: expected === req.query.key });
});
