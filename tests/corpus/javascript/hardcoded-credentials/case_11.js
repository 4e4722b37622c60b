const express = require('express');
const app = express();

app.get('/login', (req, res) => {
  const passwordInput = '<input type="password" name="password" autocomplete="current-password">';
  res.send(`<form method="post"><input name="username">${passwordInput}</form>`);
});
