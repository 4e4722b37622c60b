const express = require('express');
const sqlite = require('better-sqlite3');
const db = sqlite('app.db');
const app = express();

app.get('/prefs', (req, res) => {
  const stmt = db.prepare('UPDATE prefs SET theme = ? WHERE id = ?');
  stmt.run(req.cookies.theme, 1);
  res.send('saved');
});
