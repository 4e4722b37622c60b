import express, { Request, Response } from 'express';
import { Client } from 'ldapts';

const app = express();
const client = new Client({ url: 'ldaps://ldap.internal' });

app.get('/directory', async (req: Request, res: Response) => {
  const mail = req.query.mail as string;
  const { searchEntries } = await client.search('ou=people,dc=corp', {
    scope: 'sub',
    filter: '(mail=' + mail + ')',
  });
  res.json(searchEntries);
});
