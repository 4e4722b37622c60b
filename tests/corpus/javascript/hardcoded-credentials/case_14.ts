import Koa from 'koa';
import Redis from 'ioredis';

const app = new Koa();
const redis = new Redis(process.env.REDIS_URL as string);

app.use(async (ctx) => {
  ctx.body = { hits: await redis.incr('hits') };
});
