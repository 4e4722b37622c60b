const express = require('express');
const jwt = require('jsonwebtoken');
const app = express();

app.post('/token', express.json(), (req, res) => {
  const token = jwt.sign({ sub: req.body.user }, process.env.JWT_SECRET, { expiresIn: '1h' });
  res.append('Set-Cookie', '__Host-jwt=' + token + '; Path=/; Max-Age=3600; Secure; HttpOnly; SameSite=Strict');
  res.sendStatus(204);
});
