const express = require('express');
const app = express();

app.post('/vouchers', (req, res) => {
  const voucher = Array.from({ length: 10 }, () => Math.floor(Math.random() * 36).toString(36)).join('').toUpperCase();
  res.json({ voucher });
});
