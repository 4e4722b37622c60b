const express = require('express');
const { crc32 } = require('crc');
const app = express();

app.get('/shard', (req, res) => {
  res.json({ shard: crc32(String(req.query.key)) % 16 });
});
