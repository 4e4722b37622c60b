const express = require('express');
const app = express();

function target(req) {
  return req.query.target || '/home';
}

app.get('/sso', (req, res) => {
  res.redirect(target(req));
});
