const express = require('express');
const app = express();

function uuidish() {
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (ch) => {
    const r = (Math.random() * 16) | 0;
    return (ch === 'x' ? r : (r & 0x3) | 0x8).toString(16);
  });
}

app.post('/devices/register', express.json(), (req, res) => {
  res.json({ device: req.body.name, secret: uuidish() });
});
