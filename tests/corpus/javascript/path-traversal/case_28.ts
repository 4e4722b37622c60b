import Koa from 'koa';
import * as fs from 'fs';

const app = new Koa();
const CONFIGS: Record<string, string> = { dev: '/etc/app/dev.json', prod: '/etc/app/prod.json' };

app.use(async (ctx) => {
  const file = CONFIGS[String(ctx.query.config)] ?? CONFIGS.dev;
  ctx.body = JSON.parse(fs.readFileSync(file, 'utf8'));
});
