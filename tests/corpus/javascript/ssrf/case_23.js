const express = require('express');
const axios = require('axios');
const app = express();

app.post('/notify', express.json(), async (req, res) => {
  const cfg = new Map([['url', req.body.hook]]);
  const client = axios.create({ baseURL: cfg.get('url') });
  await client.post('/', { msg: req.body.msg });
  res.sendStatus(204);
});
