const express = require('express');
const session = require('express-session');
const app = express();

app.use(session({
  secret: process.env.SESSION_SECRET,
  name: 'sid',
  cookie: { secure: false },
}));

app.post('/login', (req, res) => {
  req.session.user = 'u';
  res.sendStatus(204);
});
