const express = require('express');
const axios = require('axios');
const app = express();
const CALLBACKS_ENABLED = false;

app.post('/callback', express.json(), async (req, res) => {
  if (CALLBACKS_ENABLED) {
    await axios.post(req.body.callback, { event: 'ping' });
  }
  res.sendStatus(202);
});
