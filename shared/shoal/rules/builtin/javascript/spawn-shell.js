const { spawn, execFile } = require("child_process");
const childProcess = require("child_process");

function grep(pattern, dir) {
  // ruleid: command-injection/js-spawn-shell
  return spawn("grep", ["-r", pattern, dir], { shell: true });
}

function runScript(script, args) {
  // ruleid: command-injection/js-spawn-shell
  return childProcess.spawnSync(script, args, { stdio: "inherit", shell: "/bin/bash" });
}

function thumbnail(file, cb) {
  // ruleid: command-injection/js-spawn-shell
  execFile(`magick ${file} -thumbnail 64x64 thumb.png`, { shell: true }, cb);
}

function build(dir) {
  // ok: command-injection/js-spawn-shell
  spawn("npm", ["run", "build"], { shell: true, cwd: dir });
  // ok: command-injection/js-spawn-shell
  spawn("grep", ["-r", dir, "."], { shell: false });
  // ok: command-injection/js-spawn-shell
  execFile("ls", ["-la", dir], { cwd: "/" });
  // ok: command-injection/js-spawn-shell
  return childProcess.spawn("npm", ["test"], { shell: process.platform === "win32" });
}

module.exports = { grep, runScript, thumbnail, build };
