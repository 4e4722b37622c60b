import Koa, { Context } from 'koa';
import session from 'koa-session';
import bodyParser from 'koa-bodyparser';

const app = new Koa();
app.keys = [process.env.SESSION_KEY as string];
app.use(session(app));
app.use(bodyParser());
const CURRENCIES = ['EUR', 'USD', 'GBP', 'NOK'];

app.use(async (ctx: Context) => {
  const { currency } = ctx.request.body as { currency: string };
  ctx.session!.currency = CURRENCIES.includes(currency) ? currency : 'EUR';
  ctx.body = 'saved';
});
