const express = require('express');
const ldap = require('ldapjs');
const client = ldap.createClient({ url: 'ldap://ldap.internal' });
const app = express();

app.get('/accounts', (req, res) => {
  const uid = req.query.uid;
  const filterText = '(uid=%s)'.replace('%s', uid);
  client.search('dc=corp', { filter: filterText }, (err, r) => r.on('end', () => res.end()));
});
