const express = require('express');
const app = express();
app.use(express.json());

app.post('/rules/test', (req, res) => {
  const { rule } = req.body;
  const check = new Function('order', 'return ' + rule);
  res.json({ matches: check({ total: 120 }) });
});
