import express from 'express';
import yaml from 'js-yaml';

const app = express();
app.use(express.json());

app.post('/rules', (req, res) => {
  const parsed = yaml.load(`rules:\n${req.body.rules}`, { schema: yaml.CORE_SCHEMA });
  res.json(parsed.rules);
});
