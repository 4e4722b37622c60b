import Koa, { Context } from 'koa';
import bodyParser from 'koa-bodyparser';

const app = new Koa();
app.use(bodyParser());

app.use(async (ctx: Context) => {
  const { from } = ctx.request.body as { from: string };
  ctx.cookies.set('came_from', encodeURIComponent(from), { httpOnly: true, secure: true });
  ctx.redirect('/profile');
});
