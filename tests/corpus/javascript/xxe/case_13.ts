import Koa from 'koa';
import bodyParser from 'koa-bodyparser';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const app = new Koa();
app.use(bodyParser({ enableTypes: ['text'], extendTypes: { text: ['application/xml'] } }));

app.use(async (ctx) => {
  const xml = ctx.request.body as unknown as string;
  if (XMLValidator.validate(xml) !== true) {
    ctx.status = 400;
    return;
  }
  ctx.body = new XMLParser().parse(xml);
});
