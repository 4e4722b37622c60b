const express = require('express');
const app = express();
app.use(express.json());

app.post('/oauth/finish', (req, res) => {
  const uri = req.body.redirect_uri + '?code=' + 'abc123';
  res.setHeader('Location', uri);
  res.sendStatus(303);
});
