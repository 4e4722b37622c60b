const express = require('express');
const jwt = require('jsonwebtoken');
const fs = require('fs');
const app = express();
const publicKey = fs.readFileSync('/etc/app/jwt.pub');

app.get('/me', (req, res) => {
  const token = String(req.get('authorization')).replace('Bearer ', '');
  res.json(jwt.verify(token, publicKey, { algorithms: ['RS256'] }));
});
