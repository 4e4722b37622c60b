const express = require('express');
const app = express();
app.use(express.text());

app.post('/import', (req, res) => {
  const data = JSON.parse(req.body);
  res.json({ keys: Object.keys(data) });
});
