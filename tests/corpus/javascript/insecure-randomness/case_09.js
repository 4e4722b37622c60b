const express = require('express');
const _ = require('lodash');
const app = express();
const CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split('');

app.post('/activation', express.json(), (req, res) => {
  const token = _.times(32, () => _.sample(CHARS)).join('');
  res.json({ email: req.body.email, link: `/activate?token=${token}` });
});
