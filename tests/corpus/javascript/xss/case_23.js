const Koa = require('koa');
const app = new Koa();

app.use(async (ctx) => {
  const user = ctx.query.user;
  ctx.type = 'html';
  ctx.body = `<h2>Welcome back, ${user}</h2>`;
});
