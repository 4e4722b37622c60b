const Koa = require('koa');
const getRawBody = require('raw-body');
const libxmljs = require('libxmljs');
const app = new Koa();

app.use(async (ctx) => {
  const xml = (await getRawBody(ctx.req)).toString('utf8');
  const doc = libxmljs.parseXmlString(xml, { noent: true });
  ctx.body = doc.root().childNodes().length;
});
