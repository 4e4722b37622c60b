import express from 'express';
import ldap from 'ldapjs';

const client = ldap.createClient({ url: 'ldap://ldap.internal' });
const app = express();

app.get('/groups', (req, res) => {
  const name = String(req.get('x-group'));
  if (!/^[A-Za-z0-9 _-]{1,64}$/.test(name)) return res.status(400).send('invalid group name');
  client.search('ou=groups,dc=corp', { filter: '(cn=' + name + ')', scope: 'one' }, (err, r) => {
    r.on('end', () => res.sendStatus(200));
  });
});
