const express = require('express');
const app = express();

app.use((req, res, next) => {
  if (Math.random() < 0.01) {
    console.log('sampled', req.method, req.path);
  }
  next();
});

app.get('/health', (req, res) => res.sendStatus(204));
