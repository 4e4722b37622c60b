import { Router } from 'express';

const router = Router();
const LANGS = ['en', 'de', 'fr'];

router.get('/page/:lang', (req, res) => {
  const lang = LANGS.includes(req.params.lang) ? req.params.lang : 'en';
  res.send(`<html lang="${lang}"><body>Hello</body></html>`);
});

export default router;
