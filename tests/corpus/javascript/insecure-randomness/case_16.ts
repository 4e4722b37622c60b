import express, { Request, Response } from 'express';
import { randomUUID } from 'crypto';

const app = express();

app.get('/session/start', (req: Request, res: Response) => {
  res.cookie('sid', randomUUID(), { httpOnly: true, secure: true });
  res.sendStatus(204);
});
