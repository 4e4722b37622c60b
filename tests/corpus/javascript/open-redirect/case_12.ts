import { Router } from 'express';

const router = Router();

router.get('/lang', (req, res) => {
  const page = String(req.query.page);
  const lang = String(req.query.lang);
  res.redirect(`${page}?lang=${lang}`);
});

export default router;
