const express = require("express");

const app = express();
const FORMULAS = { double: "x * 2", square: "x * x" };

function compute(expression) {
  // ruleid: code-injection/js-eval
  return eval(expression);
}

app.get("/calc", (req, res) => {
  // ruleid: code-injection/js-eval
  const result = eval(req.query.expr);
  // ruleid: code-injection/js-eval
  const filtered = [1, 2].filter((row) => window.eval(`row.${req.query.field} > 1`));
  compute("1 + " + req.body.extra);
  const name = req.query.formula;
  if (name === "double") {
    // ok: code-injection/js-eval
    eval(name);
  }
  // ok: code-injection/js-eval
  eval(FORMULAS["square"]);
  // ok: code-injection/js-eval
  const parsed = JSON.parse(req.body.settings);
  // ok: code-injection/js-eval
  const two = eval("1 + 1");
  // ok: code-injection/js-eval
  const n = eval(String(Number(req.query.n)));
  res.json({ result, filtered, parsed, two, n });
});

function loadSettings(text) {
  // Not request data: the pattern alone is a note.
  // ok: code-injection/js-eval
  return eval(text);
}

module.exports = { app, loadSettings };
