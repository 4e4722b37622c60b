import express, { Request, Response } from 'express';
import { evaluate } from 'mathjs';

const app = express();

app.get('/plot', (req: Request, res: Response) => {
  const scope = { x: Number(req.query.x) };
  res.json({ y: evaluate('x ^ 2 + 1', scope) });
});
