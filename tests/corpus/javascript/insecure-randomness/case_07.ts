import express, { Request, Response } from 'express';

const app = express();

app.get('/session/start', (req: Request, res: Response) => {
  const sid = Math.random().toString(36).slice(2) + Date.now().toString(36);
  res.cookie('sid', sid, { httpOnly: true, secure: true });
  res.sendStatus(204);
});
