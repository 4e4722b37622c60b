import express from 'express';
import CryptoJS from 'crypto-js';

const app = express();

app.post('/documents/fingerprint', express.text(), (req, res) => {
  res.json({ fingerprint: CryptoJS.SHA256(req.body).toString() });
});
