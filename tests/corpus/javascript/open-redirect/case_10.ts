import Koa, { Context } from 'koa';
import bodyParser from 'koa-bodyparser';

const app = new Koa();
app.use(bodyParser());

app.use(async (ctx: Context) => {
  const { from } = ctx.request.body as { from: string };
  ctx.status = 302;
  ctx.set('Location', from);
});
