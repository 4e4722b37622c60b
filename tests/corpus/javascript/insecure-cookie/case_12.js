const express = require('express');
const crypto = require('crypto');
const app = express();

app.post('/devices/trust', (req, res) => {
  const opts = { secure: false, httpOnly: false, maxAge: 31536000000 };
  opts.secure = true;
  opts.httpOnly = true;
  res.cookie('trusted_device', crypto.randomUUID(), opts);
  res.sendStatus(204);
});
