const express = require('express');
const session = require('express-session');
const app = express();

app.use(session({
  secret: process.env.SESSION_SECRET,
  name: 'sid',
  cookie: { secure: true, httpOnly: true, maxAge: 1800000 },
}));

app.post('/logout', (req, res) => {
  req.session.destroy(() => {
    res.clearCookie('sid', { secure: true, httpOnly: true });
    res.redirect('/');
  });
});
