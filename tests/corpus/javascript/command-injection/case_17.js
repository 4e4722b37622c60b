const Koa = require('koa');
const { execFile } = require('child_process');
const app = new Koa();

app.use(async (ctx) => {
  const branch = ctx.query.branch || 'main';
  const out = await new Promise((resolve) => {
    execFile('git', ['log', '--oneline', '--end-of-options', branch], (e, stdout) => resolve(stdout));
  });
  ctx.body = out;
});
