const Koa = require('koa');
const crypto = require('crypto');
const app = new Koa();

app.use(async (ctx) => {
  if (ctx.path === '/auth/login') {
    ctx.cookies.set('SESSION', crypto.randomUUID(), { httpOnly: true, secure: true, sameSite: 'strict' });
    ctx.body = 'welcome';
  }
});
