const express = require('express');
const app = express();

app.get('/static', (req, res) => {
  const file = req.query.path;
  res.download(`${__dirname}/static/${file}`);
});
