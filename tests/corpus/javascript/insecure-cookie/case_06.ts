import { Router, Response } from 'express';
import { randomUUID } from 'crypto';

const router = Router();

function setSession(res: Response, value: string): void {
  res.cookie('sid', value, { secure: true, httpOnly: true, maxAge: 3600000, sameSite: 'strict' });
}

router.post('/sessions', (req, res) => {
  setSession(res, randomUUID());
  res.sendStatus(201);
});

export default router;
