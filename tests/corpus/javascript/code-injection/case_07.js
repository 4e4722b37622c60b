const express = require('express');
const Ajv = require('ajv');
const app = express();
app.use(express.json());
const ajv = new Ajv();

app.post('/validate', (req, res) => {
  const validate = ajv.compile({ type: 'object', properties: { age: { type: 'integer' } } });
  res.json({ valid: validate(req.body.value) });
});
