const express = require('express');
const ldap = require('ldapjs');
const app = express();
const client = ldap.createClient({ url: 'ldap://ldap.internal' });

app.post('/manager', express.json(), (req, res) => {
  let manager = req.body.manager;
  manager = 'jdoe';
  client.search('ou=people,dc=corp', { filter: '(manager=uid=' + manager + ',ou=people,dc=corp)' }, () => res.sendStatus(202));
});
