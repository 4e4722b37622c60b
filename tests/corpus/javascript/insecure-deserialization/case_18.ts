import Koa from 'koa';
import jwt from 'jsonwebtoken';

const app = new Koa();

app.use(async (ctx) => {
  const token = ctx.cookies.get('remember') ?? '';
  const claims = jwt.verify(token, process.env.JWT_SECRET as string, { algorithms: ['HS256'] }) as { name: string };
  ctx.body = `welcome back ${claims.name}`;
});
