const express = require('express');
const crypto = require('crypto');
const app = express();

app.post('/remember', (req, res) => {
  res.cookie('remember_me', crypto.randomUUID(), { httpOnly: true, secure: false, maxAge: 2592000000 });
  res.sendStatus(204);
});
