const express = require('express');
const app = express();

app.get('/continue', (req, res) => {
  const next = req.query.next;
  const page = { link: next };
  res.send('<a href="' + page.link + '">Continue</a>');
});
