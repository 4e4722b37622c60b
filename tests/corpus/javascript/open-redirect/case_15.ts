import express, { Request, Response } from 'express';

const app = express();

app.get('/out', (req: Request, res: Response) => {
  const url = req.query.url as string;
  res.writeHead(302, { Location: url });
  res.end();
});
