const express = require('express');
const vm = require('vm');
const app = express();

app.get('/compute', (req, res) => {
  const expression = req.header('x-expression');
  const version = vm.runInNewContext('1 + 1');
  res.json({ version, expressionLength: String(expression).length });
});
