import Koa from 'koa';

const app = new Koa();

app.use(async (ctx) => {
  const state = Math.round(Math.random() * 2 ** 53).toString(16);
  ctx.cookies.set('oauth_state', state, { httpOnly: true, secure: true });
  ctx.redirect(`https://id.example.com/authorize?state=${state}`);
});
