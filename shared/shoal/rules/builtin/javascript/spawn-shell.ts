import { spawn, spawnSync, SpawnOptions } from "node:child_process";

export function lint(files: string[]): number | null {
  // ruleid: command-injection/js-spawn-shell
  return spawnSync("eslint", files, { shell: true }).status;
}

export function open(url: string): void {
  // ruleid: command-injection/js-spawn-shell
  spawn("xdg-open", [url], { detached: true, shell: true } as SpawnOptions);
}

export function format(files: string[]): void {
  // ok: command-injection/js-spawn-shell
  spawnSync("prettier", ["--write", "."], { shell: true });
  // ok: command-injection/js-spawn-shell
  spawnSync("prettier", ["--write", ...files], { stdio: "inherit" });
}
