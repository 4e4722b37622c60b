import { Router } from 'express';
import axios from 'axios';

const router = Router();
const PARTNERS = new Set(['acme.example.com', 'globex.example.com']);

router.get('/partners/:partner/catalog', async (req, res) => {
  if (!PARTNERS.has(req.params.partner)) {
    res.status(404).send('unknown partner');
    return;
  }
  res.json((await axios.get(`https://${req.params.partner}/api/catalog`)).data);
});

export default router;
