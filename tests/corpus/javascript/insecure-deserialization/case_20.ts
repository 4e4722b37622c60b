import { Router } from 'express';
import Cryo from 'cryo';

const router = Router();

router.get('/widgets/state', (req, res) => {
  const blobs = new Map<string, string>();
  blobs.set('state', String(req.query.state));
  const state = Cryo.parse(blobs.get('state') as string);
  res.json({ restored: Boolean(state) });
});

export default router;
