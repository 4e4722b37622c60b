const express = require('express');
const ldap = require('ldapjs');
const client = ldap.createClient({ url: 'ldap://ldap.internal' });
const app = express();

app.get('/hosts/:host', (req, res) => {
  const opts = { scope: 'sub', filter: `(cn=${req.params.host})`, attributes: ['ipHostNumber'] };
  client.search('ou=hosts,dc=corp', opts, (err, r) => {
    r.on('searchEntry', (e) => res.json(e.pojo));
  });
});
