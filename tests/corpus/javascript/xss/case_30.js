const express = require('express');
const app = express();
const SHOW_RAW = false;

app.get('/title', (req, res) => {
  const title = req.query.t;
  if (SHOW_RAW) {
    return res.send(`<title>${title}</title>`);
  }
  res.send('<title>Reports</title>');
});
