const express = require('express');
const app = express();
const USERS = new Map([
  ['alice', 'alice-Pass-123'],
  ['support', 'Supp0rt!Desk'],
]);

app.post('/login', express.json(), (req, res) => {
  res.sendStatus(USERS.get(req.body.user) === req.body.password ? 200 : 401);
});
