import { Router } from 'express';
import { readFile } from 'fs/promises';
import { join } from 'path';

const router = Router();

router.get('/avatars/:user', async (req, res) => {
  const id = Number.parseInt(req.params.user, 10);
  if (!Number.isInteger(id) || id < 0) {
    res.status(400).end();
    return;
  }
  res.type('png').send(await readFile(join('/srv/avatars', `${id}.png`)));
});

export default router;
