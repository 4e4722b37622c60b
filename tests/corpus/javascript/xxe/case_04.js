const express = require('express');
const app = express();

app.post('/render', express.json(), (req, res) => {
  const page = { title: String(req.body.title), body: String(req.body.body) };
  res.json(page);
});
