const express = require('express');
const crypto = require('crypto');
const app = express();

app.post('/devices/trust', (req, res) => {
  const opts = { secure: true, httpOnly: true, maxAge: 31536000000 };
  opts.httpOnly = false;
  res.cookie('trusted_device', crypto.randomUUID(), opts);
  res.sendStatus(204);
});
