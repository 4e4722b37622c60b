import Koa from 'koa';
import bodyParser from 'koa-bodyparser';
import { Client } from 'ldapts';

const app = new Koa();
const client = new Client({ url: 'ldap://ldap.internal' });
app.use(bodyParser());

app.use(async (ctx) => {
  const { dept } = ctx.request.body as { dept: string };
  const result = await client.search('ou=people,dc=corp', { filter: `(departmentNumber=${dept})` });
  ctx.body = result.searchEntries.length;
});
