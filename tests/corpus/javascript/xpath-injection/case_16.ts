import express, { Request, Response } from 'express';
import * as xpath from 'xpath';
import { DOMParser } from '@xmldom/xmldom';

const app = express();
const settings = new DOMParser().parseFromString('<config/>', 'text/xml');
const KEYS = new Set(['timeout', 'retries', 'region']);

app.get('/config/:key', (req: Request, res: Response) => {
  if (!KEYS.has(req.params.key)) {
    res.status(404).end();
    return;
  }
  res.json(xpath.select(`/config/service/${req.params.key}/text()`, settings as unknown as Node));
});
