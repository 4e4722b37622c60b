const express = require('express');
const axios = require('axios');
const app = express();

app.get('/images/:id/size', async (req, res) => {
  if (!/^[a-f0-9]{32}$/.test(req.params.id)) return res.status(400).send('invalid image id');
  const img = await axios.get(`https://cdn.example.com/img/${req.params.id}.png`, { responseType: 'arraybuffer' });
  res.json({ bytes: img.data.length });
});
