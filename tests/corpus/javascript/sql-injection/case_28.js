const express = require('express');
const { Pool } = require('pg');
const db = new Pool();
const app = express();

app.get('/tags', async (req, res) => {
  const names = [].concat(req.query.name);
  const { rows } = await db.query('SELECT label FROM tags WHERE name = ANY($1)', [names]);
  res.json(rows);
});
