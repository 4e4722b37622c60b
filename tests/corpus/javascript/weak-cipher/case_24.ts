import express, { Request, Response } from 'express';
import sodium from 'libsodium-wrappers';

const app = express();

app.get('/token', async (req: Request, res: Response) => {
  await sodium.ready;
  const key = sodium.from_hex(process.env.TOKEN_KEY as string);
  const nonce = sodium.randombytes_buf(sodium.crypto_secretbox_NONCEBYTES);
  const box = sodium.crypto_secretbox_easy(String(req.query.user), nonce, key);
  res.json({ nonce: sodium.to_hex(nonce), box: sodium.to_hex(box) });
});
