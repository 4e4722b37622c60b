const express = require('express');
const xssFilters = require('xss-filters');
const app = express();

app.get('/continue', (req, res) => {
  const name = req.query.name;
  res.send('<p>Thanks, ' + xssFilters.inHTMLData(name) + '</p>');
});
