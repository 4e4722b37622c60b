const express = require('express');
const app = express();

app.get('/calc', (req, res) => {
  const a = Number(req.query.a);
  const b = Number(req.query.b);
  const ops = { add: (x, y) => x + y, mul: (x, y) => x * y };
  const op = ops[req.query.op];
  if (!op || Number.isNaN(a) || Number.isNaN(b)) return res.status(400).end();
  res.json({ result: op(a, b) });
});
