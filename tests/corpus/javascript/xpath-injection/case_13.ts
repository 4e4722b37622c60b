import Koa from 'koa';
import bodyParser from 'koa-bodyparser';
import * as xpath from 'xpath';
import { DOMParser } from '@xmldom/xmldom';

const app = new Koa();
app.use(bodyParser());
const tickets = new DOMParser().parseFromString('<tickets/>', 'text/xml');

app.use(async (ctx) => {
  const { ref } = ctx.request.body as { ref: string };
  if (!/^T-\d{4}$/.test(ref)) {
    ctx.status = 400;
    return;
  }
  const status = xpath.select1(`//ticket[ref='${ref}']/status`, tickets as any) as any;
  ctx.body = status ? status.textContent : 'unknown';
});
