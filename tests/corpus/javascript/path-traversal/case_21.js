const Koa = require('koa');
const serve = require('koa-static');
const app = new Koa();

app.use(serve(__dirname + '/public', { hidden: false }));
app.use(async (ctx) => {
  ctx.status = 404;
  ctx.body = `no file at ${ctx.path}`;
});
