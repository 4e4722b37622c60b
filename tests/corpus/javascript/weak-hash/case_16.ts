import express, { Request, Response } from 'express';
import * as crypto from 'crypto';

const app = express();
const ALGORITHM = 'sha512';

app.post('/digest', express.raw({ type: '*/*' }), (req: Request, res: Response) => {
  const sig = crypto.createHash(ALGORITHM).update(req.body).digest('hex');
  res.set('X-Digest', sig).sendStatus(204);
});
