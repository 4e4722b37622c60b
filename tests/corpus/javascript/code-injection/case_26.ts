import express, { Request, Response } from 'express';

const app = express();

function compute(formula: string, x: number): number {
  return eval(`(function(x) { return ${formula}; })`)(x);
}

app.get('/plot', (req: Request, res: Response) => {
  const f = String(req.query.f);
  res.json([0, 1, 2, 3].map((x) => compute(f, x)));
});
