const Koa = require('koa');
const fs = require('fs/promises');
const path = require('path');
const app = new Koa();

app.use(async (ctx) => {
  const rel = ctx.path.replace(/^\/files\//, '');
  ctx.body = await fs.readFile(path.join(__dirname, 'public', rel));
});
