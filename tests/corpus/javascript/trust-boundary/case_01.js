const express = require('express');
const session = require('express-session');
const app = express();
app.use(session({ secret: process.env.SESSION_SECRET }));

app.post('/wizard', express.json(), (req, res) => {
  const step = { plan: req.body.plan, seats: req.body.seats };
  req.session.wizard = step;
  res.redirect('/wizard/2');
});
