const express = require('express');
const serialize = require('node-serialize');
const app = express();
const LEGACY = false;

app.post('/drafts/resume', express.urlencoded({ extended: false }), (req, res) => {
  if (LEGACY) {
    return res.json(serialize.unserialize(req.body.draft));
  }
  res.json(JSON.parse(req.body.draft));
});
