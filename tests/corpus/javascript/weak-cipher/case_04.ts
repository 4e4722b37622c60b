import Koa from 'koa';
import { createHmac } from 'crypto';

const app = new Koa();

app.use(async (ctx) => {
  const user = String(ctx.query.user);
  const sig = createHmac('sha256', process.env.COOKIE_KEY as string).update(user).digest('base64url');
  ctx.cookies.set('u', `${user}.${sig}`, { httpOnly: true, secure: true });
  ctx.body = 'set';
});
