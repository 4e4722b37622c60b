const { exec, execSync } = require("child_process");
const cp = require("node:child_process");
const express = require("express");

const app = express();
const TOOLS = ["uptime", "df"];

function archiveCommand(dir) {
  return "tar czf backup.tgz " + dir;
}

function runHook(hookCommand) {
  // ruleid: command-injection/js-child-process-exec
  cp.exec(hookCommand);
}

app.get("/convert", (req, res) => {
  const input = req.query.file;
  // ruleid: command-injection/js-child-process-exec
  exec(`convert ${input} -resize 50% out.png`, (err) => res.sendStatus(err ? 500 : 200));
  // ruleid: command-injection/js-child-process-exec
  execSync(archiveCommand(req.body.dir));
  runHook(`sh ./hooks/${req.params.hook}.sh`);
  const args = [];
  args.push(req.query.flag);
  // ruleid: command-injection/js-child-process-exec
  require("child_process").execSync("ls " + args.join(" "));
  const { branch } = req.body;
  // ruleid: command-injection/js-child-process-exec
  execSync("git checkout " + branch);
  // ok: command-injection/js-child-process-exec
  cp.execFile("git", ["checkout", branch]);
  // ruleid: command-injection/js-child-process-exec
  cp.spawn("bash", ["-c", "dig +short " + branch]);
  // ruleid: command-injection/js-child-process-exec
  cp.execFileSync("/bin/sh", ["-c", `lp ${req.query.doc}`]);
  // ok: command-injection/js-child-process-exec
  cp.spawn("grep", ["-e", branch, "/var/log/app.log"], { shell: false });
  const tool = req.query.tool;
  if (TOOLS.includes(tool)) {
    // ok: command-injection/js-child-process-exec
    exec(tool);
  }
  const count = parseInt(req.query.count, 10);
  // ok: command-injection/js-child-process-exec
  exec(`ping -c ${count} localhost`);
  // ok: command-injection/js-child-process-exec
  exec("npm ci --ignore-scripts");
  // ok: command-injection/js-child-process-exec
  const match = /^v(\d+)/.exec(input);
  res.send(String(match));
});

function status(text) {
  // A parameter nobody here fills with request data: a note, not a finding.
  // ok: command-injection/js-child-process-exec
  return execSync("git status " + text).toString();
}

module.exports = { app, status };
