const express = require('express');
const app = express();

app.get('/search', (req, res) => {
  const q = req.query.q;
  res.send(`<p>No results for <b>${q}</b></p>`);
});
