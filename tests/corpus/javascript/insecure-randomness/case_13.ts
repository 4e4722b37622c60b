import { Router } from 'express';

const router = Router();

router.post('/cards/:id/pin', (req, res) => {
  const digits: number[] = [];
  for (let i = 0; i < 4; i++) digits.push(Math.trunc(Math.random() * 10));
  res.json({ pin: digits.join('') });
});

export default router;
