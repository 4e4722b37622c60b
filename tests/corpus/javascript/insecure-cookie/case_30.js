const express = require('express');
const app = express();

app.get('/oauth/callback', (req, res) => {
  const idToken = `jwt-${req.query.code}`;
  res.cookie('id_token', idToken, { maxAge: 3600000, sameSite: 'lax', secure: true, httpOnly: true });
  res.send('signed in');
});
