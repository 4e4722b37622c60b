import express from 'express';
const app = express();

app.get('/error', (req, res) => {
  const from = req.get('referer');
  res.type('html');
  res.write('<div class="err">Came from ' + from + '</div>');
  res.end();
});
