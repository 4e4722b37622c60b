const express = require('express');
const app = express();

app.get('/reports/:name', (req, res) => {
  res.sendFile(req.params.name, { root: '/var/reports', dotfiles: 'deny' });
});
