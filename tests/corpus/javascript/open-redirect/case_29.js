const express = require('express');
const app = express();

app.post('/logout', express.urlencoded({ extended: false }), (req, res) => {
  const returnTo = req.body.returnTo;
  req.session = null;
  res.redirect(302, returnTo);
});
