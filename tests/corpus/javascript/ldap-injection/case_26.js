import express from 'express';
import { Client, EqualityFilter } from 'ldapts';

const app = express();
const client = new Client({ url: 'ldap://ldap.internal' });

app.get('/alias', async (req, res) => {
  const filter = new EqualityFilter({ attribute: 'mailAlias', value: String(req.query.alias) });
  const { searchEntries } = await client.search('dc=corp', { scope: 'sub', filter });
  res.json(searchEntries);
});
