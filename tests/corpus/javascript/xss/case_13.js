const express = require('express');
const app = express();

function card(nick) {
  return `<div class="card"><span>${nick}</span></div>`;
}

app.get('/profile', (req, res) => {
  res.set('Content-Type', 'text/html');
  res.end(card(req.cookies.nick));
});
