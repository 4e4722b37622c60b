import Koa from 'koa';
import { randomBytes } from 'crypto';

const app = new Koa();

app.use(async (ctx) => {
  const ticket = randomBytes(16).toString('hex');
  ctx.cookies.set('mfa_ticket', ticket, { httpOnly: true, secure: true, maxAge: 300000, sameSite: 'strict' });
  ctx.body = 'verified';
});
