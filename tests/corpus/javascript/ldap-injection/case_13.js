const Koa = require('koa');
const ldap = require('ldapjs');
const client = ldap.createClient({ url: 'ldap://ldap.internal' });
const app = new Koa();

app.use(async (ctx) => {
  const role = ctx.get('X-Role');
  ctx.body = await new Promise((resolve) => {
    client.search('ou=roles,dc=corp', { filter: '(role=' + role + ')' }, (err, r) => {
      const list = [];
      r.on('searchEntry', (e) => list.push(e.objectName));
      r.on('end', () => resolve(list));
    });
  });
});
