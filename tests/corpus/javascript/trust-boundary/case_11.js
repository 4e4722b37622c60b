const express = require('express');
const session = require('express-session');
const app = express();
app.use(session({ secret: process.env.SESSION_SECRET }));

app.get('/visit', (req, res) => {
  req.session.visits = (req.session.visits || 0) + 1;
  res.send(`hello ${String(req.query.name).length}`);
});
