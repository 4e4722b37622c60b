const express = require('express');
const app = express();

app.post('/jobs/:id/retry', async (req, res) => {
  const jitter = 50 + Math.random() * 200;
  await new Promise((r) => setTimeout(r, jitter));
  res.json({ id: req.params.id, waited: Math.round(jitter) });
});
