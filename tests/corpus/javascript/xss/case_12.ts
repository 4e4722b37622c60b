import Koa from 'koa';
import Router from '@koa/router';

const app = new Koa();
const router = new Router();

router.get('/banner', (ctx) => {
  const promo = ctx.cookies.get('promo') ?? '';
  ctx.body = { promo, shownAt: Date.now() };
});

app.use(router.routes());
