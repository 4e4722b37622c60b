import { Router } from 'express';
import { Client } from 'ldapts';

const router = Router();
const client = new Client({ url: 'ldap://ldap.internal' });

router.post('/members/search', async (req, res) => {
  const { uid } = req.body as { uid: string };
  const filter = `(|(uid=${uid})(mail=${uid}))`;
  const { searchEntries } = await client.search('dc=corp', { filter });
  res.json(searchEntries.map((e) => e.dn));
});

export default router;
