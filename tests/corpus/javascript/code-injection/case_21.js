const express = require('express');
const app = express();
app.use(express.json());

function buildValidator(spec) {
  const lines = [];
  for (const [field, cond] of Object.entries(spec)) {
    lines.push(`if (!(${cond})) return '${field}';`);
  }
  return new Function('value', lines.join('\n') + ' return null;');
}

app.post('/validate', (req, res) => {
  res.json({ failed: buildValidator(req.body.spec)(req.body.value) });
});
