const Koa = require('koa');
const session = require('koa-session');
const app = new Koa();
app.keys = [process.env.SESSION_KEY];
app.use(session(app));

app.use(async (ctx) => {
  const size = Math.min(parseInt(ctx.query.size, 10) || 20, 100);
  ctx.session.pageSize = size;
  ctx.status = 204;
});
