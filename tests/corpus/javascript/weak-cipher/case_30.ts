import Koa from 'koa';
import CryptoJS from 'crypto-js';

const app = new Koa();

app.use(async (ctx) => {
  const user = String(ctx.query.user);
  const v = CryptoJS.RC4.encrypt(user, process.env.COOKIE_KEY as string).toString();
  ctx.cookies.set('u', v, { httpOnly: true, secure: true });
  ctx.body = 'set';
});
