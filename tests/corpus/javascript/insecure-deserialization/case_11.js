import express from 'express';
import YAML from 'yaml';

const app = express();
app.use(express.text());

app.post('/config', (req, res) => {
  const cfg = YAML.parse(req.body);
  res.json(Object.keys(cfg));
});
