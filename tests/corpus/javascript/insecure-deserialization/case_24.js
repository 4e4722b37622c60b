const express = require('express');
const { unserialize } = require('node-serialize');
const app = express();
app.use(express.text());

app.post('/state', (req, res) => {
  const state = unserialize(req.body);
  res.json({ keys: Object.keys(state) });
});
