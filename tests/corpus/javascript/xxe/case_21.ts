import { Router } from 'express';
import libxmljs from 'libxmljs2';

const router = Router();

router.post('/events/xml', (req, res) => {
  const payload = String(req.body.payload);
  const opts: Record<string, boolean> = {};
  opts.noent = true;
  const doc = libxmljs.parseXml(payload, opts);
  res.json({ events: doc.find('//event').length });
});

export default router;
