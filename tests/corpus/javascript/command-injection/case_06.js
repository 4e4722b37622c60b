import express from 'express';
import shell from 'child_process';

const app = express();

app.get('/dig', (req, res) => {
  const { name = 'example.com' } = req.query;
  const proc = shell.spawn('bash', ['-c', 'dig +short ' + name]);
  proc.stdout.pipe(res);
});
