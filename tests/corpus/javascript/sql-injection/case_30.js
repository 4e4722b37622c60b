const express = require('express');
const sqlite = require('better-sqlite3');
const db = sqlite('app.db');
const app = express();

app.get('/prefs', (req, res) => {
  const theme = req.cookies.theme;
  const stmt = db.prepare(`UPDATE prefs SET theme = '${theme}' WHERE id = 1`);
  stmt.run();
  res.send('saved');
});
