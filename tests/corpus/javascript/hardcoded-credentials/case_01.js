const express = require('express');
const jwt = require('jsonwebtoken');
const app = express();

app.post('/token', express.json(), (req, res) => {
  const token = jwt.sign({ sub: req.body.user }, 'k9Lx2Qp7Vw4Zr8Tn1Bc6Hd3Fg5Jm0Sa', { expiresIn: '1h' });
  res.json({ token });
});
