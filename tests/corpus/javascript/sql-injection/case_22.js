const express = require('express');
const { Pool } = require('pg');
const db = new Pool();
const app = express();

app.get('/tags', async (req, res) => {
  const names = [].concat(req.query.name);
  const list = names.map((n) => `'${n}'`).join(',');
  const { rows } = await db.query(`SELECT label FROM tags WHERE name IN (${list})`);
  res.json(rows);
});
