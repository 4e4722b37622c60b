const express = require('express');
const cookieParser = require('cookie-parser');
const app = express();
app.use(cookieParser());

app.get('/return', (req, res) => {
  const back = req.cookies.return_url || '/';
  res.redirect(back);
});
