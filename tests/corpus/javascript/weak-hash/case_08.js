import express from 'express';
import md5 from 'md5';

const app = express();
app.use(express.json());

app.post('/accounts', (req, res) => {
  const stored = md5(req.body.password);
  res.json({ user: req.body.user, hash: stored.slice(0, 4) });
});
