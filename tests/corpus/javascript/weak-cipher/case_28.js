const express = require('express');
const CryptoJS = require('crypto-js');
const app = express();

app.post('/payroll/encrypt', express.json(), (req, res) => {
  const enc = CryptoJS.TripleDES.encrypt(String(req.body.salary), process.env.PAYROLL_KEY);
  res.json({ enc: enc.toString() });
});
