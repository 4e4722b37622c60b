const express = require('express');
const path = require('path');
const app = express();

app.get('/reports/:name', (req, res) => {
  const file = path.join('/var/reports', req.params.name);
  res.sendFile(file);
});
