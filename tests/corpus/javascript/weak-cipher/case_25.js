const express = require('express');
const crypto = require('crypto');
const app = express();

app.post('/secrets', express.json(), (req, res) => {
  const decipherKey = process.env.SECRETS_PASSPHRASE;
  const c = crypto.createCipher('des-ede3', decipherKey);
  res.json({ secret: c.update(req.body.secret, 'utf8', 'hex') + c.final('hex') });
});
