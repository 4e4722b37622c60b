const express = require('express');
const { Client } = require('ldapts');
const app = express();
const client = new Client({ url: 'ldap://ldap.internal' });

app.get('/phones', async (req, res) => {
  const who = req.cookies.who;
  const parts = ['(telephoneNumber=*)', `(sn=${who})`];
  const out = await client.search('ou=staff,dc=corp', { filter: '(&' + parts.join('') + ')' });
  res.json(out.searchEntries);
});
