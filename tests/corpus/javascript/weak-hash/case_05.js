const express = require('express');
const crypto = require('crypto');
const app = express();

app.get('/licenses/check', (req, res) => {
  const expected = crypto.createHmac('md5', process.env.LICENSE_KEY).update(req.query.customer).digest('hex');
  res.json({ valid: expected === req.query.key });
});
