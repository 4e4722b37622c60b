const express = require('express');
const app = express();
const PAGES = { home: '/', docs: '/docs', blog: '/blog' };

app.post('/logout', express.urlencoded({ extended: false }), (req, res) => {
  req.session = null;
  res.redirect(PAGES[req.body.returnTo] || '/');
});
