const Koa = require('koa');
const app = new Koa();

app.use(async (ctx) => {
  const invite = Date.now().toString(36) + Math.random().toString(36).substr(2, 6);
  ctx.body = { inviteCode: invite, team: ctx.query.team };
});
