import { Router } from 'express';
import axios from 'axios';

const router = Router();

router.get('/partners/:partner/catalog', async (req, res) => {
  const url = `https://${req.params.partner}/api/catalog`;
  const { data } = await axios.get(url);
  res.json(data);
});

export default router;
