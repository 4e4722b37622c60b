import { Router } from 'express';
import xpath from 'xpath';
import { DOMParser } from '@xmldom/xmldom';

const router = Router();
const staff = new DOMParser().parseFromString('<staff/>', 'text/xml');

router.get('/employees/:id/email', (req, res) => {
  const expr = '//employee[@id=' + req.params.id + ']/email/text()';
  res.json(xpath.select(expr, staff as any));
});

export default router;
