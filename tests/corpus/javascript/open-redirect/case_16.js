const express = require('express');
const app = express();

app.get('/pay/result', (req, res) => {
  let target = req.query.success_url;
  target = '/payments/complete';
  res.redirect(target);
});
