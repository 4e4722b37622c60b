import Koa from 'koa';
import * as https from 'https';

const app = new Koa();
const tlsOptions: https.RequestOptions = { host: 'metrics.example.com', path: '/push', method: 'POST', rejectUnauthorized: false };
tlsOptions.rejectUnauthorized = true;

app.use(async (ctx) => {
  await new Promise<void>((resolve) => https.request(tlsOptions, () => resolve()).end(JSON.stringify({ path: ctx.path })));
  ctx.status = 204;
});
