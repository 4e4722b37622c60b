import express from 'express';
import vm from 'node:vm';

const app = express();
app.use(express.text());

app.post('/sandbox', (req, res) => {
  const out = vm.runInNewContext(req.body, { console });
  res.send(String(out));
});
