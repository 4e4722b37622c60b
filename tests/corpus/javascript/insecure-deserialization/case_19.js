const express = require('express');
const serialize = require('node-serialize');
const app = express();
const DEFAULTS = serialize.serialize({ theme: 'light', pageSize: 20 });

app.get('/prefs/defaults', (req, res) => {
  const prefs = serialize.unserialize(DEFAULTS);
  res.json({ requestedBy: req.query.user, prefs });
});
