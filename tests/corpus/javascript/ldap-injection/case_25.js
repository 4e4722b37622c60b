const express = require('express');
const ldapEscape = require('ldap-escape');
const { Client } = require('ldapts');
const app = express();
const client = new Client({ url: 'ldap://ldap.internal' });

app.get('/teams', async (req, res) => {
  const names = [].concat(req.query.name);
  const filter = '(|' + names.map((n) => ldapEscape.filter`(cn=${n})`).join('') + ')';
  res.json((await client.search('ou=teams,dc=corp', { filter })).searchEntries);
});
