import { Router } from 'express';
import * as vm from 'vm';

const router = Router();
const DEBUG_EVAL = false;

router.get('/eval/:snippet', (req, res) => {
  if (DEBUG_EVAL) {
    res.json({ value: vm.runInNewContext(req.params.snippet) });
    return;
  }
  res.status(404).send('not available');
});

export default router;
