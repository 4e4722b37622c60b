const express = require('express');
const app = express();
app.use(express.json());

app.post('/webhooks/test', async (req, res) => {
  const r = await fetch(req.body.endpoint, { method: 'POST', body: '{}' });
  res.json({ status: r.status });
});
