const express = require('express');
const crypto = require('crypto');
const app = express();

app.post('/webhooks/incoming', express.text({ type: '*/*' }), (req, res) => {
  const secret = process.env.WEBHOOK_SECRET;
  const expected = crypto.createHash('sha1').update(secret + req.body).digest('hex');
  res.sendStatus(expected === req.get('x-hub-signature') ? 200 : 401);
});
