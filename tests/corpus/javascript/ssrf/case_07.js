const Koa = require('koa');
const fetch = require('node-fetch');
const app = new Koa();

app.use(async (ctx) => {
  const src = ctx.get('X-Source');
  const r = await fetch(src.trim());
  ctx.body = await r.text();
});
