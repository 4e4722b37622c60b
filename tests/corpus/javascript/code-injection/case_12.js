const express = require('express');
const app = express();

const evaluate = global.eval;

app.get('/total', (req, res) => {
  let code = 'const qty = 3; ';
  code += req.query.pricing;
  res.json({ total: evaluate(code) });
});
