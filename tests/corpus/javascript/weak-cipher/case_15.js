const express = require('express');
const CryptoJS = require('crypto-js');
const app = express();

app.post('/ssn', express.urlencoded({ extended: false }), (req, res) => {
  const key = CryptoJS.enc.Hex.parse(process.env.SSN_KEY);
  const ct = CryptoJS.AES.encrypt(req.body.ssn, key, { mode: CryptoJS.mode.ECB, padding: CryptoJS.pad.Pkcs7 });
  res.send(ct.toString());
});
