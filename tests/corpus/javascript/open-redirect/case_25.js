const Koa = require('koa');
const app = new Koa();

app.use(async (ctx) => {
  if (ctx.path === '/back') {
    console.log('referer', ctx.get('Referer'));
    ctx.redirect('/dashboard');
  }
});
