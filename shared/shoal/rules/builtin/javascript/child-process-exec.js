const { exec, execSync } = require("child_process");
const cp = require("node:child_process");

function convert(req, res) {
  const input = req.query.file;
  // ruleid: command-injection/js-child-process-exec
  exec(`convert ${input} -resize 50% out.png`, (err) => res.sendStatus(err ? 500 : 200));
}

function checkout(branch) {
  // ruleid: command-injection/js-child-process-exec
  return execSync("git checkout " + branch).toString();
}

function runHook(hookCommand) {
  // ruleid: command-injection/js-child-process-exec
  cp.exec(hookCommand);
  // ruleid: command-injection/js-child-process-exec
  require("child_process").execSync(`sh ./hooks/${hookCommand}.sh`);
}

function status(text, options, hexPattern) {
  // ok: command-injection/js-child-process-exec
  const out = execSync("git status --porcelain");
  // ok: command-injection/js-child-process-exec
  cp.execFile("git", ["checkout", text]);
  // ok: command-injection/js-child-process-exec
  const match = /^v(\d+)/.exec(text);
  // ok: command-injection/js-child-process-exec
  const pattern = new RegExp(text); const found = pattern.exec(out);
  // ok: command-injection/js-child-process-exec
  exec(`npm ci --ignore-scripts`);
  // ruleid: command-injection/js-child-process-exec
  exec(options.command, { cwd: text });
  // ok: command-injection/js-child-process-exec
  const isHex = exec(hexPattern, text);
  return [match, found];
}

module.exports = { convert, checkout, runHook, status };
