const express = require('express');
const randomstring = require('randomstring');
const app = express();

app.post('/activation', express.json(), (req, res) => {
  const token = randomstring.generate({ length: 32, charset: 'alphanumeric' });
  res.json({ email: req.body.email, link: `/activate?token=${token}` });
});
