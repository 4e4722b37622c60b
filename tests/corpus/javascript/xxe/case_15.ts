import express, { Request, Response } from 'express';
import { DOMParser } from '@xmldom/xmldom';

const app = express();
app.use(express.text({ type: 'application/xml' }));

app.post('/soap', (req: Request, res: Response) => {
  const doc = new DOMParser().parseFromString(req.body, 'text/xml');
  res.send(doc.documentElement?.localName);
});
