const Koa = require('koa');
const session = require('koa-session');
const app = new Koa();
app.keys = [process.env.SESSION_KEY];
app.use(session(app));

app.use(async (ctx) => {
  if (ctx.path.startsWith('/support/as/')) {
    ctx.session.userId = ctx.path.split('/').pop();
    ctx.body = 'acting as user';
  }
});
