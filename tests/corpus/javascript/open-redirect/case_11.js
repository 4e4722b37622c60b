const Koa = require('koa');
const app = new Koa();

app.use(async (ctx) => {
  if (ctx.path === '/back') {
    ctx.redirect(ctx.get('Referer') || ctx.query.fallback);
  }
});
