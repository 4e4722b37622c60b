import Koa from 'koa';
import Router from '@koa/router';
import axios from 'axios';

const app = new Koa();
const router = new Router();

router.get('/images/size', async (ctx) => {
  const src = String(ctx.query.src);
  const img = await axios.get<ArrayBuffer>(src, { responseType: 'arraybuffer' });
  ctx.body = { bytes: img.data.byteLength };
});

app.use(router.routes());
