import express, { Request, Response } from 'express';
import axios from 'axios';

const app = express();

app.get('/fetch', async (req: Request, res: Response) => {
  const target = req.header('x-target') as string;
  const { data } = await axios({ method: 'get', url: target });
  res.send(data);
});
