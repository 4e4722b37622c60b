const Koa = require('koa');
const bodyParser = require('koa-bodyparser');
const serialize = require('node-serialize');
const app = new Koa();
app.use(bodyParser());

app.use(async (ctx) => {
  const { session } = ctx.request.body;
  const data = serialize.unserialize(JSON.stringify(session));
  ctx.body = { user: data.user };
});
