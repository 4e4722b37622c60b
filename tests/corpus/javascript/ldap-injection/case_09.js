const Koa = require('koa');
const ldap = require('ldapjs');
const client = ldap.createClient({ url: 'ldap://ldap.internal' });
const app = new Koa();
const ROLES = new Set(['admin', 'editor', 'viewer']);

app.use(async (ctx) => {
  const role = ROLES.has(ctx.get('X-Role')) ? ctx.get('X-Role') : 'viewer';
  ctx.body = await new Promise((resolve) => {
    client.search('ou=roles,dc=corp', { filter: '(role=' + role + ')' }, (err, r) => r.on('end', () => resolve('done')));
  });
});
