const express = require('express');
const jwt = require('jsonwebtoken');
const app = express();
const { JWT_SECRET } = process.env;

app.post('/token', express.json(), (req, res) => {
  const token = jwt.sign({ sub: req.body.user }, JWT_SECRET, { expiresIn: '1h' });
  res.json({ token });
});
