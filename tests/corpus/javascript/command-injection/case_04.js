import express from 'express';
import { spawn } from 'node:child_process';

const app = express();

app.get('/grep', (req, res) => {
  const pattern = req.cookies.filter;
  const child = spawn('grep', ['-e', pattern, '/var/log/app.log']);
  child.stdout.pipe(res);
});
