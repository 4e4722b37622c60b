const express = require('express');
const session = require('express-session');
const app = express();
app.use(session({ secret: process.env.SESSION_SECRET }));

app.get('/history', (req, res) => {
  const visited = req.session.visited || [];
  visited.push(req.query.page);
  req.session.visited = visited;
  res.sendStatus(204);
});
