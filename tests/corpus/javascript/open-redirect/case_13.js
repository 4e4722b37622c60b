const express = require('express');
const app = express();

app.get('/tenant', (req, res) => {
  const tenant = String(req.query.tenant);
  if (!/^[a-z0-9]{3,20}$/.test(tenant)) return res.status(400).end();
  res.redirect(`https://${tenant}.app.example.com/welcome`);
});
