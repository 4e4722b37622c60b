import express from 'express';
import got from 'got';

const app = express();

app.post('/import/feed', express.urlencoded({ extended: false }), async (req, res) => {
  const feed = req.body.feedUrl;
  const xml = await got(feed).text();
  res.json({ size: xml.length });
});
