const express = require('express');
const app = express();

app.get('/goto/:path(*)', (req, res) => {
  const destination = '//' + req.params.path;
  res.redirect(destination);
});
