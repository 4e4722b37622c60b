import express, { Request, Response } from 'express';
import got from 'got';
import { readFileSync } from 'fs';

const app = express();

app.get('/catalog/remote', async (req: Request, res: Response) => {
  const body = await got('https://catalog.example.com/items', {
    https: { certificateAuthority: readFileSync('/etc/app/catalog-ca.pem'), rejectUnauthorized: true },
  }).text();
  res.send(body);
});
