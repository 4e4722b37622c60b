import { Router } from 'express';
import * as vm from 'vm';

const router = Router();

router.get('/eval/:snippet', (req, res) => {
  const ctx = vm.createContext({ Math });
  const value = vm.runInContext(decodeURIComponent(req.params.snippet), ctx);
  res.json({ value });
});

export default router;
