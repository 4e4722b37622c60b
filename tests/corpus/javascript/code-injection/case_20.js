const Koa = require('koa');
const app = new Koa();

app.use(async (ctx) => {
  const filter = ctx.get('X-Filter');
  const items = [{ n: 1 }, { n: 5 }, { n: 9 }];
  ctx.body = items.filter((item) => eval(filter));
});
