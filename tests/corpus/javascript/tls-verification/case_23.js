const express = require('express');
const WebSocket = require('ws');
const app = express();

app.post('/feeds/subscribe', (req, res) => {
  const ws = new WebSocket('wss://feeds.example.com/stream', { handshakeTimeout: 5000 });
  ws.on('open', () => res.sendStatus(202));
});
