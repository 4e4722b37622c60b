import Koa from 'koa';
import * as fs from 'fs';

const app = new Koa();

app.use(async (ctx) => {
  const name = ctx.query.config as string;
  const text = fs.readFileSync('/etc/app/' + name + '.json', 'utf8');
  ctx.body = JSON.parse(text);
});
