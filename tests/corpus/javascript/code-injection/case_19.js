const express = require('express');
const { Script, createContext } = require('vm');
const app = express();
app.use(express.json());

app.post('/widgets/render', (req, res) => {
  const code = req.body.template;
  const script = new Script(code);
  const out = script.runInContext(createContext({ user: req.user }));
  res.send(out);
});
