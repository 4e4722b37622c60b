const express = require('express');
const tls = require('tls');
const app = express();

app.get('/smtp/check', (req, res) => {
  const socket = tls.connect({ host: 'smtp.example.com', port: 465, rejectUnauthorized: false }, () => {
    res.json({ connected: true });
    socket.end();
  });
});
