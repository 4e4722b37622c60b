import { Router } from 'express';
import crypto from 'crypto';

const router = Router();

function webhookSecret(): string {
  return 'whsec_4f8a1c9e2b7d6053';
}

router.post('/webhooks', (req, res) => {
  const sig = crypto.createHmac('sha256', webhookSecret()).update(JSON.stringify(req.body)).digest('hex');
  res.sendStatus(sig === req.header('x-signature') ? 200 : 401);
});

export default router;
