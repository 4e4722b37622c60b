const express = require('express');
const { serialize } = require('cookie');
const crypto = require('crypto');
const app = express();

app.post('/refresh', (req, res) => {
  const refresh = crypto.randomBytes(32).toString('base64url');
  res.setHeader('Set-Cookie', serialize('refresh_token', refresh, { httpOnly: true, path: '/auth' }));
  res.sendStatus(204);
});
