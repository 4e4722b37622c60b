import { Router } from 'express';
import { readFile } from 'fs/promises';
import { join } from 'path';

const router = Router();

router.get('/avatars/:user', async (req, res) => {
  const { user } = req.params;
  const file = join('/srv/avatars', decodeURIComponent(user) + '.png');
  res.type('png').send(await readFile(file));
});

export default router;
