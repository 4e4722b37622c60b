const express = require("express");

const app = express();

app.get("/calc", (req, res) => {
  // ruleid: code-injection/js-eval
  const result = eval(req.query.expr);
  res.json({ result });
});

function applyFilter(rows, field, op, value) {
  // ruleid: code-injection/js-eval
  return rows.filter((row) => window.eval(`row.${field} ${op} ${JSON.stringify(value)}`));
}

function loadSettings(text) {
  // ok: code-injection/js-eval
  const parsed = JSON.parse(text);
  // ok: code-injection/js-eval
  const two = eval("1 + 1");
  // ok: code-injection/js-eval
  const answer = mathjs.evaluate(text);
  // ok: code-injection/js-eval
  return interpreter.eval(parsed.script) + two + answer;
}

module.exports = { app, applyFilter, loadSettings };
