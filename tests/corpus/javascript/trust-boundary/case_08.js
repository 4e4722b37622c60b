const express = require('express');
const session = require('express-session');
const app = express();
app.use(session({ secret: process.env.SESSION_SECRET }));

app.get('/theme/:name', (req, res) => {
  const value = `${req.params.name}-dark`;
  req.session['theme'] = value;
  res.send('theme set');
});
