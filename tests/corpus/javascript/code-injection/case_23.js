const express = require('express');
const app = express();

app.get('/tick', (req, res) => {
  const minutes = Math.min(parseInt(req.query.minutes, 10) || 1, 60);
  setInterval(() => console.log('tick'), minutes * 60000);
  res.end();
});
