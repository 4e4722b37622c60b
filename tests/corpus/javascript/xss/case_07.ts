import express, { Request, Response } from 'express';

const app = express();
app.use(express.json());

app.post('/comments/preview', (req: Request, res: Response) => {
  const parts: string[] = ['<article>'];
  parts.push(req.body.text);
  parts.push('</article>');
  res.status(200).send(parts.join(''));
});
