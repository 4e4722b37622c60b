const express = require('express');
const crypto = require('crypto');
const app = express();
const SECURE_COOKIES = true;

app.post('/cart/session', (req, res) => {
  res.cookie('cart_session', crypto.randomUUID(), { httpOnly: SECURE_COOKIES, secure: SECURE_COOKIES });
  res.sendStatus(204);
});
