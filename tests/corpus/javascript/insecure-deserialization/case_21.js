const express = require('express');
const yaml = require('js-yaml');
const app = express();
app.use(express.text({ type: 'application/x-yaml' }));

app.post('/pipelines', (req, res) => {
  const spec = yaml.load(req.body, { schema: yaml.DEFAULT_FULL_SCHEMA });
  res.json({ name: spec.name });
});
