import { Router } from 'express';
import crypto from 'crypto';

const router = Router();

router.get('/api/auth', (req, res) => {
  const apiKey = String(req.header('x-api-key'));
  const hashed = crypto.createHash('sha384').update(apiKey).digest();
  res.sendStatus(hashed.length === 48 ? 200 : 401);
});

export default router;
