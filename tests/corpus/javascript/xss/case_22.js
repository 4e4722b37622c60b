const express = require('express');
const app = express();

app.get('/title', (req, res) => {
  const title = decodeURIComponent(req.query.t);
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.end(`<html><head><title>${title}</title></head></html>`);
});
