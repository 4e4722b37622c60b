import express from 'express';
import ldap from 'ldapjs';

const app = express();
const client = ldap.createClient({ url: 'ldap://ldap.internal' });
const SITES: Record<string, string> = { oslo: 'OSL-1', berlin: 'BER-2' };

app.get('/printers', (req, res) => {
  const site = SITES[String(req.query.location)] ?? 'OSL-1';
  client.search('ou=devices,dc=corp', { filter: `(&(objectClass=printer)(l=${site}))` }, (err, r) => {
    r.on('end', () => res.end());
  });
});
