const express = require('express');
const { Client } = require('ldapts');
const client = new Client({ url: 'ldap://ldap.internal' });
const app = express();

app.get('/badge', async (req, res) => {
  const query = new Map([['badge', req.query.badge]]);
  const filter = '(employeeNumber=' + query.get('badge') + ')';
  res.json(await client.search('ou=staff,dc=corp', { filter }));
});
