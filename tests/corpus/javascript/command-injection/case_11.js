import express from 'express';
import { exec as run } from 'node:child_process';

const app = express();

function lookup(domain, cb) {
  run(`nslookup ${domain}`, cb);
}

app.get('/lookup/:domain', (req, res) => {
  lookup(req.params.domain, (err, out) => res.type('text').send(out));
});

export default app;
