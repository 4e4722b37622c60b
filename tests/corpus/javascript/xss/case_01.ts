import express, { Request, Response } from 'express';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';

const app = express();
const DOMPurify = createDOMPurify(new JSDOM('').window);
app.use(express.json());

app.post('/comments/preview', (req: Request, res: Response) => {
  const clean = DOMPurify.sanitize(req.body.text);
  res.send('<article>' + clean + '</article>');
});
