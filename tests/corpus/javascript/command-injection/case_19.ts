import { Router, Request, Response } from 'express';
import { spawnSync } from 'child_process';

const router = Router();
const ENABLE_SHELL = false;

router.get('/jobs/run', (req: Request, res: Response) => {
  const job = String(req.query.job);
  if (ENABLE_SHELL) {
    spawnSync('sh', ['-c', `/opt/jobs/${job}.sh`]);
  }
  res.send(`job ${job.length} recorded`);
});

export default router;
