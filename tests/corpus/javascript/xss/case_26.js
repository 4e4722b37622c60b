const express = require('express');
const he = require('he');
const app = express();

app.get('/tags', (req, res) => {
  const tags = [].concat(req.query.tag || []);
  const html = '<ul>' + tags.map((t) => '<li>' + he.encode(t) + '</li>').join('') + '</ul>';
  res.send(html);
});
