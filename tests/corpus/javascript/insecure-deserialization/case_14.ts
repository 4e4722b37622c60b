import { Router } from 'express';
import qs from 'qs';

const router = Router();

router.get('/widgets/state', (req, res) => {
  const state = qs.parse(String(req.query.state), { depth: 2, allowPrototypes: false });
  res.json({ restored: Object.keys(state).length });
});

export default router;
