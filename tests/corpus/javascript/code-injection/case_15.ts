import Koa, { Context } from 'koa';
import bodyParser from 'koa-bodyparser';

const app = new Koa();
app.use(bodyParser());

const TRANSFORMS: Record<string, (row: { id: number }) => object> = {
  double: (row) => ({ id: row.id * 2 }),
  label: (row) => ({ id: row.id, label: `#${row.id}` }),
};

app.use(async (ctx: Context) => {
  const { transform } = ctx.request.body as { transform: string };
  const fn = TRANSFORMS[transform] ?? ((row) => row);
  ctx.body = [{ id: 1 }, { id: 2 }].map(fn);
});
