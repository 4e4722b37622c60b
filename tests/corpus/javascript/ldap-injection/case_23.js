const express = require('express');
const { Client } = require('ldapts');
const app = express();
const client = new Client({ url: 'ldap://ldap.internal' });

app.get('/badge', async (req, res) => {
  const badge = parseInt(req.query.badge, 10);
  if (Number.isNaN(badge)) return res.status(400).end();
  res.json(await client.search('ou=staff,dc=corp', { filter: `(employeeNumber=${badge})` }));
});
