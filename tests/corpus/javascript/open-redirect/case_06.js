const express = require('express');
const app = express();

app.get('/s', (req, res) => {
  const decoded = Buffer.from(req.query.u, 'base64').toString('utf8');
  res.redirect(decoded);
});
