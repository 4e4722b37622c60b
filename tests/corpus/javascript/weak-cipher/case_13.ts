import { Router } from 'express';
import { createCipheriv } from 'crypto';

const router = Router();

router.post('/notes', (req, res) => {
  const key = Buffer.from(process.env.NOTE_KEY as string, 'hex');
  const cipher = createCipheriv('rc2-cbc', key, Buffer.alloc(8));
  res.send(Buffer.concat([cipher.update(JSON.stringify(req.body)), cipher.final()]).toString('hex'));
});

export default router;
