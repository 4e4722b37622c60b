import express, { Request, Response } from 'express';
import { Pool } from 'pg';

const pool = new Pool();
const app = express();

app.get('/products', async (req: Request, res: Response) => {
  const sort = (req.query.sort as string) || 'name';
  const sql = 'SELECT * FROM products ORDER BY ' + sort;
  const result = await pool.query(sql);
  res.json(result.rows);
});
