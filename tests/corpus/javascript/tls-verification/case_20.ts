import express, { Request, Response } from 'express';
import got from 'got';

const app = express();

app.get('/catalog/remote', async (req: Request, res: Response) => {
  const body = await got('https://catalog.example.com/items', { https: { rejectUnauthorized: false } }).text();
  res.send(body);
});
