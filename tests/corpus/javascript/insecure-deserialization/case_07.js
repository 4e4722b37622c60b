const express = require('express');
const { decode } = require('@msgpack/msgpack');
const app = express();
app.use(express.raw({ type: 'application/msgpack' }));

app.post('/metrics', (req, res) => {
  const batch = decode(req.body);
  res.json({ points: Array.isArray(batch) ? batch.length : 0 });
});
