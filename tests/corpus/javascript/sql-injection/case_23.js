import express from 'express';
import pg from 'pg';

const pool = new pg.Pool();
const app = express();

app.get('/reports', async (req, res) => {
  const { year, column } = req.query;
  const text = `SELECT ${column} FROM orders WHERE year = $1`;
  const out = await pool.query(text, [year]);
  res.json(out.rows);
});
