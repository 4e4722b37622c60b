const express = require('express');
const ejs = require('ejs');
const app = express();

app.get('/notice', (req, res) => {
  const html = ejs.render('<p><%- message %></p>', { message: req.query.message });
  res.send(html);
});
