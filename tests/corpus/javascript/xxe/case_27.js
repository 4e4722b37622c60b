const Koa = require('koa');
const getRawBody = require('raw-body');
const sax = require('sax');
const app = new Koa();

app.use(async (ctx) => {
  const xml = (await getRawBody(ctx.req)).toString('utf8');
  const parser = sax.parser(true);
  let elements = 0;
  parser.onopentag = () => { elements += 1; };
  parser.write(xml).close();
  ctx.body = elements;
});
