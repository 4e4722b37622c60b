const express = require('express');
const app = express();

app.use('/static', express.static(__dirname + '/static', { dotfiles: 'ignore', index: false }));

app.get('/static-info', (req, res) => {
  res.json({ requested: req.query.path });
});
