const express = require('express');
const app = express();

app.get('/search', (req, res) => {
  res.locals.query = req.query.q;
  res.send(`searching for ${String(req.query.q).length} chars`);
});
