import { Router } from 'express';
import { Client, OrFilter, EqualityFilter } from 'ldapts';

const router = Router();
const client = new Client({ url: 'ldap://ldap.internal' });

router.post('/members/search', async (req, res) => {
  const uid = String(req.body.uid);
  const filter = new OrFilter({
    filters: [new EqualityFilter({ attribute: 'uid', value: uid }), new EqualityFilter({ attribute: 'mail', value: uid })],
  });
  const { searchEntries } = await client.search('dc=corp', { filter });
  res.json(searchEntries.map((e) => e.dn));
});

export default router;
