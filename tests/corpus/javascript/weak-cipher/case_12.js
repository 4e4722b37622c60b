import express from 'express';
import crypto from 'crypto';

const app = express();

function encrypt(text, key) {
  const iv = crypto.randomBytes(16);
  const c = crypto.createCipheriv('aes-256-cbc', key, iv);
  const ct = Buffer.concat([c.update(text, 'utf8'), c.final()]);
  const mac = crypto.createHmac('sha256', key).update(Buffer.concat([iv, ct])).digest();
  return Buffer.concat([iv, ct, mac]).toString('base64');
}

app.post('/legacy/encrypt', express.json(), (req, res) => {
  res.json({ ct: encrypt(req.body.value, Buffer.from(process.env.LEGACY_KEY, 'hex')) });
});
