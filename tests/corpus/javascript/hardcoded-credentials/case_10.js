const express = require('express');
const { Pool } = require('pg');
const app = express();
const pool = new Pool({ connectionString: process.env.DATABASE_URL });

app.get('/reports', async (req, res) => {
  const { rows } = await pool.query('SELECT id, title FROM reports');
  res.json(rows);
});
