const Koa = require('koa');
const app = new Koa();

app.use(async (ctx) => {
  const id = parseInt(ctx.query.user, 10) || 0;
  ctx.type = 'html';
  ctx.body = `<h2>Welcome back, user #${id}</h2>`;
});
