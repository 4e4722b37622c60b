import express, { Request, Response } from 'express';
import * as xpath from 'xpath';
import { DOMParser } from '@xmldom/xmldom';

const app = express();
const settings = new DOMParser().parseFromString('<config/>', 'text/xml');

function pathFor(section: string, key: string): string {
  return `/config/${section}/${key}`;
}

app.get('/config/:section/:key', (req: Request, res: Response) => {
  res.json(xpath.select(pathFor(req.params.section, req.params.key), settings as unknown as Node));
});
