const express = require('express');
const { Pool } = require('pg');
const app = express();
const pool = new Pool({ connectionString: 'postgres://reporting:Rep0rt!ng2024@db:5432/reports' });

app.get('/reports', async (req, res) => {
  const { rows } = await pool.query('SELECT id, title FROM reports');
  res.json(rows);
});
