const express = require('express');
const app = express();

app.get('/s', (req, res) => {
  const url = new URL(String(req.query.u), 'https://app.example.com');
  if (url.origin !== 'https://app.example.com') {
    return res.status(400).send('only links on this site');
  }
  res.redirect(url.pathname + url.search);
});
