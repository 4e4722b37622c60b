import express, { Request, Response } from 'express';
import { Pool } from 'pg';

const pool = new Pool();
const app = express();
const SORTABLE = ['name', 'price', 'created_at'];

app.get('/products', async (req: Request, res: Response) => {
  const requested = String(req.query.sort);
  const sort = SORTABLE.includes(requested) ? requested : 'name';
  const result = await pool.query('SELECT * FROM products ORDER BY ' + sort);
  res.json(result.rows);
});
