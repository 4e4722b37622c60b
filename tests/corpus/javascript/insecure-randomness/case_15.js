import express from 'express';
import { nanoid } from 'nanoid';

const app = express();

app.post('/documents/:id/share', (req, res) => {
  res.json({ url: `/shared/${req.params.id}?key=${nanoid(32)}` });
});
