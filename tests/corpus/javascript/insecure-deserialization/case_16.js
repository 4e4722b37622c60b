const express = require('express');
const funcster = require('funcster');
const app = express();

app.get('/callback', (req, res) => {
  const encoded = JSON.parse(Buffer.from(req.query.cb, 'base64').toString());
  const fn = funcster.deepDeserialize(encoded);
  res.json({ result: typeof fn });
});
