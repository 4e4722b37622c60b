const express = require('express');
const session = require('express-session');
const app = express();
app.use(session({ secret: process.env.SESSION_SECRET }));

app.post('/cart/promo', (req, res) => {
  const code = req.cookies.promo;
  req.session.discountCode = code;
  res.redirect('/cart');
});
