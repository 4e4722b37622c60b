const Koa = require('koa');
const xpath = require('xpath');
const { DOMParser } = require('@xmldom/xmldom');
const app = new Koa();
const menu = new DOMParser().parseFromString('<menu/>', 'text/xml');

app.use(async (ctx) => {
  const name = ctx.query.dish;
  const node = xpath.select1("//dish[@name='" + name + "']/price", menu);
  ctx.body = node ? node.textContent : '';
});
