const express = require('express');
const crypto = require('crypto');
const app = express();

app.post('/keys', (req, res) => {
  const key = crypto.generateKeySync('aes', { length: 256 });
  res.json({ bits: key.symmetricKeySize * 8 });
});
