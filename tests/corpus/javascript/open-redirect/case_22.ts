import express, { Request, Response } from 'express';

const app = express();
const HOSTS = new Set(['docs.example.com', 'status.example.com']);

app.get('/out', (req: Request, res: Response) => {
  let url: URL;
  try {
    url = new URL(String(req.query.url));
  } catch {
    res.status(400).send('not a URL');
    return;
  }
  if (url.protocol !== 'https:' || !HOSTS.has(url.hostname)) {
    res.status(400).send('host not allowed');
    return;
  }
  res.redirect(url.toString());
});
