import express from 'express';
import crypto from 'crypto';

const app = express();

app.get('/reports/:id/sealed', (req, res) => {
  const iv = crypto.randomBytes(12);
  const c = crypto.createCipheriv('aes-192-gcm', Buffer.from(process.env.REPORT_KEY, 'hex'), iv);
  const ct = Buffer.concat([c.update(String(req.params.id)), c.final()]);
  res.json({ iv: iv.toString('hex'), ct: ct.toString('hex'), tag: c.getAuthTag().toString('hex') });
});
