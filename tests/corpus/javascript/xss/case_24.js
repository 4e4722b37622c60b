const express = require('express');
const app = express();

app.get('/count', (req, res) => {
  const q = String(req.query.q || '');
  res.send(`<p>Your query had ${q.length} characters</p>`);
});
