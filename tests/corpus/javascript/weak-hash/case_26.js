const express = require('express');
const bcrypt = require('bcryptjs');
const app = express();

app.post('/users/:id/password', express.json(), (req, res) => {
  const hash = bcrypt.hashSync(req.body.password, bcrypt.genSaltSync(12));
  res.json({ id: req.params.id, stored: hash.length });
});
