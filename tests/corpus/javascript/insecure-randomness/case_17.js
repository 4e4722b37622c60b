const express = require('express');
const { v4: uuidv4 } = require('uuid');
const app = express();

app.post('/devices/register', express.json(), (req, res) => {
  res.json({ device: req.body.name, secret: uuidv4() });
});
