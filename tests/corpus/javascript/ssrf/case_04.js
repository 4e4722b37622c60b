const express = require('express');
const app = express();
app.use(express.json());

app.post('/ping-all', async (req, res) => {
  const results = [];
  for (const u of req.body.urls) {
    const r = await fetch(u);
    results.push(r.ok);
  }
  res.json(results);
});
