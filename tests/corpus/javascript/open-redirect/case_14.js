const express = require('express');
const app = express();
app.use(express.json());
const REGISTERED = 'https://app.example.com/callback';

app.post('/oauth/finish', (req, res) => {
  if (req.body.redirect_uri !== REGISTERED) {
    return res.status(400).json({ error: 'redirect_uri is not registered' });
  }
  res.redirect(303, REGISTERED + '?code=abc123');
});
