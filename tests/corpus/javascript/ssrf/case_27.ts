import Koa from 'koa';
import Router from '@koa/router';
import axios from 'axios';

const app = new Koa();
const router = new Router();

router.get('/fx', async (ctx) => {
  const from = String(ctx.query.from);
  const to = String(ctx.query.to);
  if (!/^[A-Z]{3}$/.test(from) || !/^[A-Z]{3}$/.test(to)) {
    ctx.status = 400;
    return;
  }
  ctx.body = (await axios.get(`https://fx.example.com/rates/${from}/${to}`)).data;
});

app.use(router.routes());
