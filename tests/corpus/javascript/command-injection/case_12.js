import express from 'express';
import { execFile as run } from 'child_process';

const app = express();

function trace(host) {
  return new Promise((resolve) => run('traceroute', ['-m', '10', host], (e, out) => resolve(out)));
}

app.get('/trace', async (req, res) => {
  res.send(await trace(req.query.h));
});
