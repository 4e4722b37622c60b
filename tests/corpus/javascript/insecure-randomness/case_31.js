const Koa = require('koa');
const app = new Koa();

app.use(async (ctx) => {
  const colors = ['#e57373', '#64b5f6', '#81c784'];
  const avatarColor = colors[Math.floor(Math.random() * colors.length)];
  ctx.body = { user: ctx.query.user, avatarColor };
});
