import Koa from 'koa';
import { webcrypto } from 'crypto';

const app = new Koa();

app.use(async (ctx) => {
  const bytes = webcrypto.getRandomValues(new Uint8Array(24));
  const state = Buffer.from(bytes).toString('hex');
  ctx.cookies.set('oauth_state', state, { httpOnly: true, secure: true });
  ctx.redirect(`https://id.example.com/authorize?state=${state}`);
});
