import express from 'express';
import { Client } from 'ldapts';

const app = express();
const client = new Client({ url: 'ldap://ldap.internal' });

app.get('/alias', async (req, res) => {
  const alias = req.query.alias;
  const filter = ['(mailAlias=', alias, ')'].join('');
  const { searchEntries } = await client.search('dc=corp', { scope: 'sub', filter });
  res.json(searchEntries);
});
