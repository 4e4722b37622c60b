const express = require('express');
const tls = require('tls');
const app = express();

app.get('/smtp/check', (req, res) => {
  const socket = tls.connect({ host: 'smtp.example.com', port: 465, servername: 'smtp.example.com' }, () => {
    res.json({ connected: true, authorized: socket.authorized });
    socket.end();
  });
});
