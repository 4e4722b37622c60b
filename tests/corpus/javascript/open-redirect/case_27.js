const express = require('express');
const app = express();

app.post('/orders/:id/pay', (req, res) => {
  const id = parseInt(req.params.id, 10);
  if (Number.isNaN(id)) return res.status(400).end();
  res.redirect(`/orders/${id}/receipt`);
});
