const Koa = require('koa');
const app = new Koa();

const FILTERS = {
  small: (item) => item.n < 5,
  large: (item) => item.n >= 5,
};

app.use(async (ctx) => {
  const pick = FILTERS[ctx.get('X-Filter')] || (() => true);
  ctx.body = [{ n: 1 }, { n: 5 }, { n: 9 }].filter(pick);
});
