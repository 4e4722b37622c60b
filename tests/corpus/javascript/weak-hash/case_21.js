import express from 'express';
import { blake2b } from '@noble/hashes/blake2b';
import { bytesToHex } from '@noble/hashes/utils';

const app = express();

app.post('/fingerprint', express.text(), (req, res) => {
  res.json({ digest: bytesToHex(blake2b(req.body, { dkLen: 32 })) });
});
