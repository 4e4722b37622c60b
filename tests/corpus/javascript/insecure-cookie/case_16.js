import express from 'express';
import crypto from 'crypto';

const app = express();

app.post('/remember', (req, res) => {
  res.cookie('remember_me', crypto.randomUUID(), {
    httpOnly: true,
    secure: true,
    signed: false,
    maxAge: 2592000000,
  });
  res.sendStatus(204);
});
