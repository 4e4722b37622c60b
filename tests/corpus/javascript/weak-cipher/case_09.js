import express from 'express';
import CryptoJS from 'crypto-js';

const app = express();

app.post('/legacy/encrypt', express.json(), (req, res) => {
  const ct = CryptoJS.DES.encrypt(req.body.value, process.env.LEGACY_KEY).toString();
  res.json({ ct });
});
