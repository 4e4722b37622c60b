import express from 'express';
import ldap from 'ldapjs';

const client = ldap.createClient({ url: 'ldap://ldap.internal' });
const app = express();

function groupFilter(name) {
  return '(&(objectClass=group)(cn=' + name + '))';
}

app.get('/groups', (req, res) => {
  client.search('ou=groups,dc=corp', { filter: groupFilter(req.get('x-group')), scope: 'one' }, (err, r) => {
    r.on('end', () => res.sendStatus(200));
  });
});
