const express = require('express');
const serialize = require('node-serialize');
const app = express();

app.get('/export', (req, res) => {
  const data = { user: req.query.user, at: Date.now() };
  res.type('text').send(serialize.serialize(data));
});
