const express = require('express');
const app = express();

app.post('/remember-me', (req, res) => {
  const random = Math.random;
  const series = random().toString(36).slice(2) + random().toString(36).slice(2);
  res.cookie('remember', series, { httpOnly: true, secure: true, maxAge: 2592000000 });
  res.sendStatus(204);
});
