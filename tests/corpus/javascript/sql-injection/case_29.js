const express = require('express');
const sqlite3 = require('sqlite3');
const db = new sqlite3.Database('notes.db');
const app = express();
app.use(express.json());

app.post('/notes/delete', (req, res) => {
  const id = req.body.id;
  db.run('DELETE FROM notes WHERE id = ' + id, () => res.sendStatus(204));
});
