const express = require('express');
const crypto = require('crypto');
const app = express();
const { publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 3072 });

app.post('/keys/wrap', express.raw({ type: '*/*' }), (req, res) => {
  const wrapped = crypto.publicEncrypt({ key: publicKey, oaepHash: 'sha256', padding: crypto.constants.RSA_PKCS1_OAEP_PADDING }, req.body);
  res.send(wrapped.toString('base64'));
});
