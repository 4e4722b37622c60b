const express = require('express');
const app = express();

app.get('/schema', (req, res) => {
  const field = req.query.field;
  const getter = new Function('obj', 'return obj.name;');
  res.json({ field, value: getter({ name: 'report' }) });
});
