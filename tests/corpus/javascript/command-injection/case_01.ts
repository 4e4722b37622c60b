import Koa from 'koa';
import bodyParser from 'koa-bodyparser';
import { execSync } from 'child_process';

const app = new Koa();
app.use(bodyParser());

app.use(async (ctx) => {
  const body = ctx.request.body as { branch?: string };
  const branch = body.branch ?? 'main';
  ctx.body = execSync('git log --oneline ' + branch).toString();
});
