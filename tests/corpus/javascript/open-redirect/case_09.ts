import { Router } from 'express';

const router = Router();

router.get('/lang', (req, res) => {
  const lang = req.query.lang === 'de' ? 'de' : 'en';
  res.redirect(`/${lang}/index.html`);
});

export default router;
