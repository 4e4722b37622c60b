import express from 'express';
import { spawn } from 'child_process';

const app = express();
app.use(express.json());

app.post('/dig', (req, res) => {
  const name: string = req.body.name;
  const proc = spawn('dig', ['+short', name], { shell: false });
  proc.stdout.pipe(res);
});
