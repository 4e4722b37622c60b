const express = require('express');
const ldap = require('ldapjs');
const app = express();
const client = ldap.createClient({ url: process.env.LDAP_URL });

app.post('/auth', express.urlencoded({ extended: false }), (req, res) => {
  const filter = `(&(objectClass=person)(uid=${req.body.username}))`;
  client.search('ou=people,dc=corp', { filter, scope: 'sub' }, (err, search) => {
    search.on('searchEntry', (entry) => res.json({ dn: entry.objectName }));
    search.on('end', () => res.headersSent || res.sendStatus(401));
  });
});
