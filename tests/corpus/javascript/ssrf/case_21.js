const express = require('express');
const request = require('request');
const app = express();

app.get('/unfurl', (req, res) => {
  const link = req.query.link;
  request(link).pipe(res);
});
