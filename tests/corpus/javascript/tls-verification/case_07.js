import express from 'express';
import request from 'request';

const app = express();

app.get('/geo', (req, res) => {
  request({ url: 'https://geo.example.com/lookup', strictSSL: true }, (err, r, body) => res.send(body));
});
