import { Router } from 'express';

const router = Router();

router.get('/users/:name', (req, res) => {
  const { name } = req.params;
  res.status(404).send(`<h1>No user called ${name}</h1>`);
});

export default router;
