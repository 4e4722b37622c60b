const express = require('express');
const session = require('express-session');
const bcrypt = require('bcrypt');
const app = express();
app.use(express.json());
app.use(session({ secret: process.env.SESSION_SECRET }));
const users = new Map();

app.post('/login', async (req, res) => {
  const user = users.get(req.body.user);
  if (!user || !(await bcrypt.compare(req.body.password, user.hash))) return res.sendStatus(401);
  req.session.regenerate(() => {
    req.session.userId = user.id;
    res.redirect('/');
  });
});
