const express = require('express');
const session = require('express-session');
const app = express();
app.use(session({ secret: process.env.SESSION_SECRET }));

app.get('/tenant', (req, res) => {
  console.log('tenant header', req.get('x-tenant'));
  req.session.lastVisit = Date.now();
  res.sendStatus(204);
});
