const express = require('express');
const app = express();
const BANNERS = ['spring-sale', 'free-shipping', 'new-arrivals'];

app.get('/banner', (req, res) => {
  const banner = BANNERS[Math.floor(Math.random() * BANNERS.length)];
  res.json({ banner });
});
