import Koa from 'koa';
import bodyParser from 'koa-bodyparser';
import * as libxml from 'libxmljs';

const app = new Koa();
app.use(bodyParser({ enableTypes: ['text', 'xml'], extendTypes: { text: ['application/xml'] } }));

app.use(async (ctx) => {
  const xml = ctx.request.body as unknown as string;
  const doc = libxml.parseXmlString(xml, { noent: true });
  ctx.body = { root: doc.root()?.name() };
});
