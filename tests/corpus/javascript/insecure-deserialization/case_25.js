const express = require('express');
const yaml = require('js-yaml');
const { types } = require('js-yaml-js-types');
const app = express();
const schema = yaml.DEFAULT_SCHEMA.extend(types);

app.post('/config', express.text(), (req, res) => {
  const cfg = yaml.load(req.body, { schema });
  res.json(Object.keys(cfg));
});
