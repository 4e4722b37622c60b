import express from 'express';
import { Agent, setGlobalDispatcher } from 'undici';

setGlobalDispatcher(new Agent({ connect: { rejectUnauthorized: false } }));
const app = express();

app.get('/telemetry', async (req, res) => {
  const r = await fetch('https://telemetry.example.com/v1/ping');
  res.sendStatus(r.status);
});
