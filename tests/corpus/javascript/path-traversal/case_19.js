import express from 'express';
import { promises as fsp } from 'fs';
import path from 'path';

const app = express();
app.use(express.json());

app.post('/export', async (req, res) => {
  const dest = path.basename(String(req.body.destination));
  await fsp.writeFile(path.join('/srv/exports', dest), 'id,total\n1,20\n');
  res.send('written');
});
