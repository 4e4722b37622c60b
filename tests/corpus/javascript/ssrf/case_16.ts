import express, { Request, Response } from 'express';

const app = express();

app.get('/users/:id/remote', async (req: Request, res: Response) => {
  const id = Number.parseInt(req.params.id, 10);
  if (!Number.isInteger(id)) {
    res.status(400).end();
    return;
  }
  const r = await fetch(`https://directory.internal.example.com/users/${id}`);
  res.json(await r.json());
});
