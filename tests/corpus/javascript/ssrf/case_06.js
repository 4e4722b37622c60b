const express = require('express');
const http = require('http');
const app = express();

app.get('/proxy', (req, res) => {
  const host = req.query.host;
  const path = req.query.path || '/';
  http.get({ host, path, port: 80 }, (upstream) => upstream.pipe(res));
});
