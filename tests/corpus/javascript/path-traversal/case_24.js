const express = require('express');
const fs = require('fs');
const app = express();

app.get('/folders', (req, res) => {
  const opts = { dir: req.query.dir };
  const entries = fs.readdirSync(['/srv/share', opts.dir].join('/'));
  res.json(entries);
});
