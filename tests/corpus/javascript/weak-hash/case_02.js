const express = require('express');
const crypto = require('crypto');
const compare = require('tsscmp');
const app = express();

app.post('/webhooks/incoming', express.text({ type: '*/*' }), (req, res) => {
  const expected = 'sha256=' + crypto.createHmac('sha256', process.env.WEBHOOK_SECRET).update(req.body).digest('hex');
  res.sendStatus(compare(expected, String(req.get('x-hub-signature-256'))) ? 200 : 401);
});
