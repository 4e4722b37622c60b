import { Router, Request, Response } from 'express';
import { spawnSync } from 'child_process';

const router = Router();

router.post('/jobs/run', (req: Request, res: Response) => {
  const job: string = req.body.job;
  const result = spawnSync('sh', ['-c', `/opt/jobs/${job}.sh --verbose`]);
  res.status(200).send(result.stdout.toString());
});

export default router;
