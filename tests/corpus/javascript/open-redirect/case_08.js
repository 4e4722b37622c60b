const express = require('express');
const app = express();

app.get('/tenant', (req, res) => {
  const host = req.query.host;
  res.redirect('https://' + host + '/welcome');
});
