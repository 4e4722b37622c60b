import express from 'express';
import axios from 'axios';

const app = express();

app.get('/avatar', async (req, res) => {
  const { avatarUrl } = req.query;
  if (!avatarUrl.startsWith('http')) return res.status(400).end();
  const img = await axios.get(avatarUrl, { responseType: 'stream' });
  img.data.pipe(res);
});
