import Koa from 'koa';
import Redis from 'ioredis';

const app = new Koa();
const redis = new Redis({ host: 'cache', port: 6379, password: 'R3dis-Cache-Pw!' });

app.use(async (ctx) => {
  ctx.body = { hits: await redis.incr('hits') };
});
