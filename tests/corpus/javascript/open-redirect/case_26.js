const express = require('express');
const app = express();

app.get('/pay/result', (req, res) => {
  const urls = { success: req.query.success_url, cancel: '/cart' };
  res.redirect(req.query.status === 'paid' ? urls.success : urls.cancel);
});
