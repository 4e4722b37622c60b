const express = require('express');
const app = express();

app.post('/hooks', express.urlencoded({ extended: true }), (req, res) => {
  const handlers = {};
  handlers[req.body.name] = req.body.code;
  const fn = Function(handlers[req.body.name]);
  res.send(String(fn()));
});
