const express = require('express');
const ldap = require('ldapjs');
const client = ldap.createClient({ url: 'ldap://ldap.internal' });
const app = express();

app.get('/accounts', (req, res) => {
  const uid = req.query.uid;
  console.log('account lookup', uid);
  client.search('dc=corp', { filter: '(objectClass=account)', sizeLimit: 50 }, (err, r) => r.on('end', () => res.end()));
});
