import express, { Request, Response } from 'express';
import { execFile } from 'child_process';
import path from 'path';

const app = express();

app.post('/convert/:id', (req: Request, res: Response) => {
  const id = parseInt(req.params.id, 10);
  if (Number.isNaN(id)) {
    res.status(400).end();
    return;
  }
  const input = path.join('/srv/docs', `${id}.pdf`);
  execFile('pdftotext', [input, '-'], (err, out) => res.send(out));
});
