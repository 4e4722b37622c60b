const express = require('express');
const { filter: escapeFilter } = require('ldap-escape');
const ldap = require('ldapjs');
const app = express();
const client = ldap.createClient({ url: process.env.LDAP_URL });

app.post('/auth', express.urlencoded({ extended: false }), (req, res) => {
  const filter = escapeFilter`(&(objectClass=person)(uid=${req.body.username}))`;
  client.search('ou=people,dc=corp', { filter, scope: 'sub' }, (err, search) => {
    search.on('end', () => res.sendStatus(200));
  });
});
