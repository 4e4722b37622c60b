const express = require('express');
const app = express();

app.get('/tick', (req, res) => {
  const cb = req.query.callback;
  setInterval(cb, 60000);
  res.end();
});
