import Koa from 'koa';
import serialize from 'node-serialize';

const app = new Koa();

app.use(async (ctx) => {
  const token = ctx.cookies.get('remember') ?? '';
  const remembered = serialize.unserialize(Buffer.from(token, 'base64').toString('utf8'));
  ctx.body = `welcome back ${remembered.name}`;
});
