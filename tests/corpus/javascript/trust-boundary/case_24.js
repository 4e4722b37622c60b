const express = require('express');
const session = require('express-session');
const app = express();
app.use(session({ secret: process.env.SESSION_SECRET }));

app.post('/cart/promo', (req, res) => {
  let code = req.cookies.promo;
  code = 'WELCOME10';
  req.session.discountCode = code;
  res.redirect('/cart');
});
