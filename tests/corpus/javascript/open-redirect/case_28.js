const express = require('express');
const app = express();

app.get('/continue', (req, res) => {
  const next = String(req.query.next);
  if (next.includes('example.com')) {
    return res.redirect(next);
  }
  res.redirect('/');
});
