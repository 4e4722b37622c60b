import Koa, { Context } from "koa";
import session from "koa-session";

const app = new Koa();
app.use(session(app));
const CURRENCIES = ["EUR", "USD"];

app.use(async (ctx: Context) => {
  const { currency } = ctx.request.body as { currency: string };
  // ruleid: trust-boundary/js-session-from-request
  ctx.session!.currency = currency;
  // ok: trust-boundary/js-session-from-request
  ctx.session!.fallback = CURRENCIES.includes(currency) ? currency : "EUR";
  ctx.body = "saved";
});
