import { Router } from 'express';
import xpath from 'xpath';
import { DOMParser } from '@xmldom/xmldom';

const router = Router();
const stock = new DOMParser().parseFromString('<stock/>', 'text/xml');
const sumFor = xpath.parse('sum(//item[@warehouse=$w]/qty)');

router.get('/inventory', (req, res) => {
  const list = ([] as string[]).concat(req.query.warehouse as string[]);
  const total = list.reduce((acc, w) => acc + sumFor.evaluateNumber({ node: stock as any, variables: { w } }), 0);
  res.json({ total });
});

export default router;
