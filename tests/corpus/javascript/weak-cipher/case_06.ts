import express, { Request, Response } from 'express';
import * as crypto from 'crypto';

const app = express();
const KEY = Buffer.from(process.env.TOKEN_KEY as string, 'hex');

app.get('/token', (req: Request, res: Response) => {
  const iv = crypto.randomBytes(8);
  const c = crypto.createCipheriv('des-ede3-cbc', KEY, iv);
  const out = Buffer.concat([c.update(String(req.query.user)), c.final()]);
  res.json({ token: out.toString('base64url') });
});
