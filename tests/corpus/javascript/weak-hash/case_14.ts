import Koa from 'koa';
import { createHash } from 'crypto';

const app = new Koa();

app.use(async (ctx) => {
  const seed = `${ctx.ip}${Date.now()}`;
  const sid = createHash('md5').update(seed).digest('hex');
  ctx.cookies.set('sid', sid, { httpOnly: true, secure: true });
  ctx.body = 'session started';
});
