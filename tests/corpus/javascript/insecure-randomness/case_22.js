const express = require('express');
const app = express();

app.post('/documents/:id/share', (req, res) => {
  const parts = [];
  for (let i = 0; i < 4; i++) parts.push(Math.random().toString(16).substring(2, 8));
  res.json({ url: `/shared/${req.params.id}?key=${parts.join('')}` });
});
