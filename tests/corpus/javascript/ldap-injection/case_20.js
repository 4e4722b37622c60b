const express = require('express');
const ldap = require('ldapjs');
const client = ldap.createClient({ url: 'ldap://ldap.internal:389' });
const app = express();

app.get('/people', (req, res) => {
  const filter = new ldap.EqualityFilter({ attribute: 'uid', value: String(req.query.user) });
  client.search('ou=people,dc=example,dc=com', { filter, scope: 'sub' }, (err, r) => {
    const found = [];
    r.on('searchEntry', (e) => found.push(e.objectName));
    r.on('end', () => res.json(found));
  });
});
