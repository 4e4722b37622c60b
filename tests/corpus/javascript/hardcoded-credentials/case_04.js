const express = require('express');
const basicAuth = require('express-basic-auth');
const compare = require('tsscmp');
const app = express();

app.use('/ops', basicAuth({
  authorizer: (user, pass) => compare(user, 'ops') && compare(pass, process.env.OPS_PASSWORD),
  challenge: true,
}));
app.get('/ops/status', (req, res) => res.json({ up: true }));
