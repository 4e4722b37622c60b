const express = require('express');
const app = express();

app.get('/oauth/callback', (req, res) => {
  const tokens = { id_token: `jwt-${req.query.code}` };
  res.cookie('id_token', tokens.id_token, { maxAge: 3600000, sameSite: 'lax' });
  res.send('signed in');
});
