const express = require('express');
const session = require('express-session');
const app = express();
app.use(session({ secret: process.env.SESSION_SECRET }));

function remember(sess, key, value) {
  sess[key] = value;
}

app.get('/name', (req, res) => {
  remember(req.session, 'userName', req.query.name);
  res.redirect('/');
});
