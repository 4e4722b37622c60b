import Koa from 'koa';
import { randomBytes } from 'crypto';

const app = new Koa();

app.use(async (ctx) => {
  const sid = randomBytes(32).toString('hex');
  ctx.cookies.set('sid', sid, { httpOnly: true, secure: true, sameSite: 'strict' });
  ctx.body = 'session started';
});
