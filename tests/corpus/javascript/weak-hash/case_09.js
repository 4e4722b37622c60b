import express from 'express';
import CryptoJS from 'crypto-js';

const app = express();

app.post('/invites', express.json(), (req, res) => {
  const code = CryptoJS.SHA1(req.body.email).toString(CryptoJS.enc.Hex);
  res.json({ code });
});
