import express from 'express';
const app = express();

app.get('/docs', async (req, res) => {
  const page = parseInt(req.query.page, 10) || 1;
  const r = await fetch(`https://docs.example.com/pages/${page}.html`);
  res.type('html').send(await r.text());
});
