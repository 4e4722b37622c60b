const express = require('express');
const app = express();
const LEGACY = false;

app.get('/sso', (req, res) => {
  if (LEGACY) {
    return res.redirect(req.query.target);
  }
  res.redirect('/sso/complete');
});
