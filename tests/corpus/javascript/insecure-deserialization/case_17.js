const express = require('express');
const serialize = require('node-serialize');
const app = express();

app.get('/prefs', (req, res) => {
  const parts = [req.query.a, req.query.b];
  const prefs = parts.map((p) => serialize.unserialize(p));
  res.json(prefs.length);
});
