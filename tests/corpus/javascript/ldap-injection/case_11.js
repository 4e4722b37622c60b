const express = require('express');
const ldap = require('ldapjs');
const client = ldap.createClient({ url: 'ldap://ldap.internal' });
const app = express();

app.get('/hosts/:host', (req, res) => {
  const filter = new ldap.AndFilter({
    filters: [
      new ldap.EqualityFilter({ attribute: 'objectClass', value: 'ipHost' }),
      new ldap.EqualityFilter({ attribute: 'cn', value: req.params.host }),
    ],
  });
  client.search('ou=hosts,dc=corp', { scope: 'sub', filter }, (err, r) => r.on('end', () => res.end()));
});
