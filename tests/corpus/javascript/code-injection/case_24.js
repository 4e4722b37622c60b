const express = require('express');
const vm = require('vm');
const app = express();

app.get('/compute', (req, res) => {
  const expression = req.header('x-expression');
  res.json({ out: vm.runInThisContext(expression) });
});
