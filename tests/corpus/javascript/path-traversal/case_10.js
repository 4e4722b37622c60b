import express from 'express';
import fs from 'fs';
import path from 'path';

const app = express();
const ROOT = '/srv/data';

app.post('/backups/restore', express.json(), (req, res) => {
  for (const f of req.body.files) {
    const src = path.normalize(path.join('/backups', f));
    if (!src.startsWith('/backups/')) return res.status(400).send('path outside backups');
    fs.copyFileSync(src, path.join(ROOT, path.basename(src)));
  }
  res.send('restored');
});
