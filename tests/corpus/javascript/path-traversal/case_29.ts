import express, { Request, Response } from 'express';
import * as fs from 'fs';

const app = express();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

app.delete('/docs', (req: Request, res: Response) => {
  const doc = String(req.header('x-document'));
  if (!UUID.test(doc)) {
    res.status(400).end();
    return;
  }
  fs.unlinkSync(`/srv/docs/${doc}.pdf`);
  res.sendStatus(204);
});
