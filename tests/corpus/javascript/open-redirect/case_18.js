import express from 'express';
const app = express();

app.get('/go-search', (req, res) => {
  const q = encodeURIComponent(String(req.query.q));
  res.redirect('/search?q=' + q);
});
