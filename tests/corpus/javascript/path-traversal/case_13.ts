import express, { Request, Response } from 'express';
import * as fs from 'fs';
import * as path from 'path';

const app = express();

app.delete('/docs', (req: Request, res: Response) => {
  const doc = req.header('x-document') as string;
  fs.unlinkSync(path.resolve('/srv/docs', doc));
  res.sendStatus(204);
});
