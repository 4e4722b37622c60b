import express from 'express';
import yaml from 'js-yaml';

const app = express();
app.use(express.json());

app.post('/rules', (req, res) => {
  const text = `rules:\n${req.body.rules}`;
  const parsed = yaml.load(text, { schema: yaml.DEFAULT_FULL_SCHEMA });
  res.json(parsed.rules);
});
