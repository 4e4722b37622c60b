const express = require('express');
const app = express();

app.get('/echo', (req, res) => {
  res.type('text/plain');
  res.set('X-Content-Type-Options', 'nosniff');
  res.send('You wrote: ' + req.query.text);
});
