import express, { Request, Response } from 'express';
import { randomBytes } from 'crypto';

const app = express();

app.get('/sso', (req: Request, res: Response) => {
  const sid = randomBytes(24).toString('hex');
  res.setHeader('Set-Cookie', `SSO_SESSION=${sid}; Path=/; SameSite=Lax`);
  res.redirect('/app');
});
