import express from 'express';
import { promises as fsp } from 'fs';

const app = express();
app.use(express.json());

app.post('/export', async (req, res) => {
  const dest = req.body.destination;
  await fsp.writeFile(`/srv/exports/${dest}`, 'id,total\n1,20\n');
  res.send('written');
});
