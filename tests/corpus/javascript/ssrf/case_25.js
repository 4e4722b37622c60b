const Koa = require('koa');
const fetch = require('node-fetch');
const app = new Koa();

app.use(async (ctx) => {
  const q = new URLSearchParams({ q: String(ctx.query.q) });
  const r = await fetch('https://search.example.com/api?' + q.toString());
  ctx.body = await r.json();
});
