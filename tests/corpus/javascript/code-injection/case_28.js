const express = require('express');
const app = express();

app.get('/config', (req, res) => {
  const raw = req.query.settings || '{}';
  let settings;
  try {
    settings = JSON.parse(raw);
  } catch (e) {
    return res.status(400).send('settings must be JSON');
  }
  res.json({ theme: settings.theme });
});
