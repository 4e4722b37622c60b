import express, { Request, Response } from 'express';
import * as child from 'child_process';

const app = express();

app.get('/disk', (req: Request, res: Response) => {
  const dir = String(req.query.dir);
  const out = child.execSync('du -sh ' + dir).toString();
  res.send(out);
});

export default app;
