import Koa from 'koa';
import bodyParser from 'koa-bodyparser';
import * as xpath from 'xpath';
import { DOMParser } from '@xmldom/xmldom';

const app = new Koa();
app.use(bodyParser());
const tickets = new DOMParser().parseFromString('<tickets/>', 'text/xml');

app.use(async (ctx) => {
  const { ref } = ctx.request.body as { ref: string };
  const status = xpath.select1(`//ticket[ref='${ref.trim()}']/status`, tickets as any) as any;
  ctx.body = status ? status.textContent : 'unknown';
});
