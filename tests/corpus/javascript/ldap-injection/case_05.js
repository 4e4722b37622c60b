const express = require('express');
const ldap = require('ldapjs');
const app = express();
const client = ldap.createClient({ url: 'ldap://ldap.internal' });

app.post('/manager', express.json(), (req, res) => {
  const base = 'ou=people,dc=corp';
  const filter = '(manager=uid=' + req.body.manager + ',' + base + ')';
  client.search(base, { filter }, () => res.sendStatus(202));
});
