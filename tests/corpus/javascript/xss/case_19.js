const express = require('express');
const app = express();

app.get('/widget', (req, res) => {
  const lang = req.query.lang;
  const cb = req.query.cb;
  res.type('text/html').send("<script>var lang = '" + lang + "'; " + cb + '(lang);</script>');
});
