import express, { Request, Response } from 'express';
import * as serialize from 'node-serialize';

const app = express();

app.get('/cart/restore', (req: Request, res: Response) => {
  const header = req.header('x-cart') as string;
  const cart = serialize.unserialize(decodeURIComponent(header));
  res.json(cart);
});
