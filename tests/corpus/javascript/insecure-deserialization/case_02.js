const express = require('express');
const Bourne = require('@hapi/bourne');
const app = express();

app.get('/cart/restore', (req, res) => {
  const cart = Bourne.parse(decodeURIComponent(req.get('x-cart')), { protoAction: 'remove' });
  res.json(cart);
});
