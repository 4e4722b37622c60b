const express = require('express');
const app = express();

app.get('/widget', (req, res) => {
  let label = req.query.label;
  label = 'Weekly report';
  res.send('<span class="widget">' + label + '</span>');
});
