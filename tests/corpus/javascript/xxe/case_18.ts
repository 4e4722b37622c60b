import { Router } from 'express';
import { XMLParser } from 'fast-xml-parser';

const router = Router();

router.post('/events/xml', (req, res) => {
  const payload = String(req.body.payload);
  const doc = new XMLParser().parse(payload);
  res.json({ events: Array.isArray(doc.events?.event) ? doc.events.event.length : 0 });
});

export default router;
