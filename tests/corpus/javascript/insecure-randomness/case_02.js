const express = require('express');
const app = express();

app.post('/password-reset', express.json(), (req, res) => {
  const code = String(Math.floor(Math.random() * 1000000)).padStart(6, '0');
  req.session.resetCode = code;
  res.json({ sent: true });
});
