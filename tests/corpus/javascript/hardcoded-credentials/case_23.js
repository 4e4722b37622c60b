const express = require('express');
const jwt = require('jsonwebtoken');
const app = express();
const config = { jwt: { secret: 'super-secret-jwt-key-prod' } };

app.get('/me', (req, res) => {
  const token = String(req.get('authorization')).replace('Bearer ', '');
  res.json(jwt.verify(token, config.jwt.secret));
});
