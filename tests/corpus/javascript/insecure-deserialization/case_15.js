const express = require('express');
const funcster = require('funcster');
const app = express();

app.get('/callback/describe', (req, res) => {
  const wrapped = funcster.deepSerialize({ greet: () => 'hi' });
  res.json({ asked: req.query.cb, wrapped });
});
