import express from 'express';
import pg from 'pg';

const pool = new pg.Pool();
const app = express();

app.get('/reports', async (req, res) => {
  let year = req.query.year;
  year = new Date().getFullYear();
  const out = await pool.query(`SELECT sum(total) FROM orders WHERE year = ${year}`);
  res.json(out.rows);
});
