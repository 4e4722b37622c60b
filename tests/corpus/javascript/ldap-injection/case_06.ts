import express, { Request, Response } from 'express';
import { Client, EqualityFilter } from 'ldapts';

const app = express();
const client = new Client({ url: 'ldaps://ldap.internal' });

app.get('/directory', async (req: Request, res: Response) => {
  const filter = new EqualityFilter({ attribute: 'mail', value: String(req.query.mail) });
  const { searchEntries } = await client.search('ou=people,dc=corp', { scope: 'sub', filter });
  res.json(searchEntries);
});
