import express from 'express';
import argon2 from 'argon2';

const app = express();
app.use(express.json());

app.post('/accounts', async (req, res) => {
  const stored = await argon2.hash(req.body.password, { type: argon2.argon2id });
  res.json({ user: req.body.user, hash: stored.slice(0, 9) });
});
