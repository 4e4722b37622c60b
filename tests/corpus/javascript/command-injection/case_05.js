const Koa = require('koa');
const Router = require('@koa/router');
const { execSync } = require('child_process');

const app = new Koa();
const router = new Router();

router.get('/whois', (ctx) => {
  const target = ctx.query.target;
  ctx.body = execSync(`whois ${target}`).toString();
});

app.use(router.routes());
