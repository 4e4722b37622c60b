const express = require('express');
const { Client } = require('ldapts');
const client = new Client({ url: 'ldap://ldap.internal' });
const app = express();

app.get('/staff', async (req, res) => {
  const requester = req.query.requester;
  const out = await client.search('ou=staff,dc=corp', { filter: '(objectClass=person)' });
  res.json({ requester, count: out.searchEntries.length });
});
