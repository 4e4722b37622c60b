const express = require('express');
const app = express();

app.get('/theme', (req, res) => {
  let color = req.cookies.theme;
  color = '"blue"';
  res.json({ value: eval(color) });
});
