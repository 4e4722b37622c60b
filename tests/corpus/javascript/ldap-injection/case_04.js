const express = require('express');
const { Client } = require('ldapts');
const app = express();
const client = new Client({ url: 'ldap://ldap.internal' });

app.get('/teams', async (req, res) => {
  const names = [].concat(req.query.name);
  let filter = '(|';
  for (const n of names) filter += '(cn=' + n + ')';
  filter += ')';
  res.json((await client.search('ou=teams,dc=corp', { filter })).searchEntries);
});
