const express = require('express');
const session = require('express-session');
const app = express();
app.use(session({ secret: process.env.SESSION_SECRET }));

app.get('/tenant', (req, res) => {
  const tenant = req.get('x-tenant');
  req.session.tenantId = tenant;
  res.sendStatus(204);
});
