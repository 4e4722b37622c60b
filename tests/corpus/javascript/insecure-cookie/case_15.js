const express = require('express');
const crypto = require('crypto');
const app = express();
const isProduction = process.env.NODE_ENV === 'production';

app.post('/cart/session', (req, res) => {
  res.cookie('cart_session', crypto.randomUUID(), { httpOnly: true, secure: isProduction && false });
  res.sendStatus(204);
});
