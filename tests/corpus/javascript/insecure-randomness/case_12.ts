import { Router } from 'express';
import { randomInt } from 'crypto';

const router = Router();

router.post('/cards/:id/pin', (req, res) => {
  const pin = Array.from({ length: 4 }, () => randomInt(10)).join('');
  res.json({ pin });
});

export default router;
