import { Router } from 'express';
import crypto from 'crypto';

const router = Router();

router.get('/api/auth', (req, res) => {
  const apiKey = String(req.header('x-api-key'));
  const parts = ['sha', '1'];
  const hashed = crypto.createHash(parts.join('')).update(apiKey).digest();
  res.sendStatus(hashed.length === 20 ? 200 : 401);
});

export default router;
