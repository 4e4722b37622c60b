import express from 'express';
import Cryo from 'cryo';

const app = express();
app.use(express.text());

app.post('/cache/load', (req, res) => {
  const value = Cryo.parse(req.body);
  res.json({ type: typeof value });
});
