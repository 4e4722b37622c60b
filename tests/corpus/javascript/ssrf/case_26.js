const express = require('express');
const http = require('http');
const app = express();

app.get('/status/check', (req, res) => {
  const parts = ['http:/', req.query.service, 'health'];
  http.get(parts.join('/'), (r) => res.sendStatus(r.statusCode));
});
