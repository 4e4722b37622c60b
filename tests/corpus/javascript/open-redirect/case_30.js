import express from 'express';
const app = express();

app.get('/c/:id', (req, res) => {
  const { dest } = req.query;
  console.log('click', req.params.id);
  res.status(301).location(dest).end();
});
