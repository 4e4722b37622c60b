import { Router } from 'express';
import { createCipheriv, randomBytes } from 'crypto';

const router = Router();

router.post('/notes', (req, res) => {
  const key = Buffer.from(process.env.NOTE_KEY as string, 'hex');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(String(req.headers['x-user'])));
  const ct = Buffer.concat([cipher.update(JSON.stringify(req.body)), cipher.final()]);
  res.json({ iv: iv.toString('hex'), ct: ct.toString('hex'), tag: cipher.getAuthTag().toString('hex') });
});

export default router;
