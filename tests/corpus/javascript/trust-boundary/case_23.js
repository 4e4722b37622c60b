const express = require('express');
const session = require('express-session');
const app = express();
app.use(session({ secret: process.env.SESSION_SECRET }));
const TRACK_PAGES = false;

app.get('/history', (req, res) => {
  if (TRACK_PAGES) {
    req.session.lastPage = req.query.page;
  }
  res.sendStatus(204);
});
