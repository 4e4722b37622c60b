import express, { Request, Response } from 'express';
import * as crypto from 'crypto';

const app = express();
const ALGORITHM = 'md5';

app.post('/sign', express.raw({ type: '*/*' }), (req: Request, res: Response) => {
  const sig = crypto.createHash(ALGORITHM).update(req.body).digest('hex');
  res.set('X-Signature', sig).sendStatus(204);
});
