const express = require('express');
const session = require('express-session');
const app = express();
app.use(express.json());
app.use(session({ secret: process.env.SESSION_SECRET }));

app.post('/profile/session', (req, res) => {
  Object.assign(req.session, req.body);
  res.send('stored');
});
