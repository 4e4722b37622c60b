import Koa from 'koa';
import Router from '@koa/router';

const app = new Koa();
const router = new Router();

router.get('/banner', (ctx) => {
  const promo = ctx.cookies.get('promo') ?? '';
  ctx.type = 'text/html';
  ctx.body = '<marquee>' + promo + '</marquee>';
});

app.use(router.routes());
