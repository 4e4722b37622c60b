import express from 'express';
import ldap from 'ldapjs';

const app = express();
const client = ldap.createClient({ url: 'ldap://ldap.internal' });

app.get('/printers', (req, res) => {
  const location = String(req.query.location);
  const filter = ldap.parseFilter(`(&(objectClass=printer)(l=${location}))`);
  client.search('ou=devices,dc=corp', { filter }, (err, r) => {
    r.on('end', () => res.end());
  });
});
