const Koa = require('koa');
const xpath = require('xpath');
const { DOMParser } = require('@xmldom/xmldom');
const app = new Koa();
const menu = new DOMParser().parseFromString('<menu/>', 'text/xml');
const DISHES = { soup: 'soup', salad: 'salad', pasta: 'pasta' };

app.use(async (ctx) => {
  const name = DISHES[ctx.query.dish] || 'soup';
  const node = xpath.select1("//dish[@name='" + name + "']/price", menu);
  ctx.body = node ? node.textContent : '';
});
