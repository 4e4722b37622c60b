const express = require('express');
const app = express();

app.post('/api-keys', (req, res) => {
  let key = '';
  for (let i = 0; i < 32; i++) {
    key += Math.floor(Math.random() * 16).toString(16);
  }
  res.json({ key });
});
