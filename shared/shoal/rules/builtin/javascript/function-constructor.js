function compileRule(rule) {
  // ruleid: code-injection/js-function-constructor
  return new Function("record", "return " + rule.condition + ";");
}

function compileTemplate(source) {
  const body = "with (data) { return `" + source + "`; }";
  // ruleid: code-injection/js-function-constructor
  return Function("data", body);
}

// ok: code-injection/js-function-constructor
const getGlobal = new Function("return this");
// ok: code-injection/js-function-constructor
const add = new Function("a", "b", `return a + b;`);
// ok: code-injection/js-function-constructor
const handler = new Handler(compileRule, compileTemplate);

module.exports = { getGlobal, add, handler };
