const express = require('express');
const app = express();

app.get('/continue', (req, res) => {
  const next = String(req.query.next);
  const allowed = ['/inbox', '/settings', '/billing'];
  res.redirect(allowed.includes(next) ? next : '/');
});
