const express = require('express');
const app = express();

app.get('/profile', (req, res) => {
  const raw = Buffer.from(req.cookies.profile || '', 'base64').toString();
  let profile;
  try {
    profile = JSON.parse(raw);
  } catch (e) {
    return res.status(400).send('profile cookie is not valid JSON');
  }
  res.send('Hello ' + String(profile.username));
});
