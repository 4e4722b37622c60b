const express = require('express');
const app = express();

app.get('/login/done', (req, res) => {
  let next = String(req.query.next || '/home');
  if (!next.startsWith('/') || next.startsWith('//') || next.includes('\\')) {
    next = '/home';
  }
  res.redirect(next);
});
