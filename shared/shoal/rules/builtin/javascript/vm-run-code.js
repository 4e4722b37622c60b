const vm = require("vm");
const { runInThisContext } = require("node:vm");

function evaluateFormula(formula, row) {
  // ruleid: code-injection/js-vm-run-code
  return vm.runInNewContext(formula, { row });
}

function loadPlugin(source) {
  // ruleid: code-injection/js-vm-run-code
  const script = new vm.Script(source, { filename: "plugin.js" });
  return script.runInThisContext();
}

function compileHook(code) {
  // ruleid: code-injection/js-vm-run-code
  return runInThisContext("(function (ctx) {" + code + "})");
}

function version(context) {
  // ok: code-injection/js-vm-run-code
  const v = vm.runInNewContext("process.version", context);
  // ok: code-injection/js-vm-run-code
  const boot = new vm.Script(`globalThis.started = Date.now();`);
  // ok: code-injection/js-vm-run-code
  return boot.runInContext(context) || v;
}

app.post("/sheets/eval", (req, res) => {
  const plugin = loadPlugin(req.body.plugin);
  res.json([evaluateFormula(req.body.formula, req.body.row), plugin, compileHook(req.query.hook), version({})]);
});

module.exports = { evaluateFormula, loadPlugin, compileHook, version };
