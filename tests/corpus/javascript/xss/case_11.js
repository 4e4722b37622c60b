const express = require('express');
const app = express();

app.get('/error', (req, res) => {
  res.json({ from: req.get('referer'), status: 'error' });
});
