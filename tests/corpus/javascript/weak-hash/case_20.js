const express = require('express');
const bcrypt = require('bcrypt');
const app = express();
app.use(express.urlencoded({ extended: false }));

app.post('/register', async (req, res) => {
  const hash = await bcrypt.hash(req.body.password, 12);
  res.json({ user: req.body.user, stored: hash.length });
});
