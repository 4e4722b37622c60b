import { exec, execSync } from "node:child_process";
import * as childProcess from "child_process";
import type { Request, Response } from "express";

const MODES: Record<string, string> = { short: "-s", long: "-l" };

function archive(dir: string, name: string): Buffer {
  // ruleid: command-injection/js-child-process-exec
  return childProcess.execSync("tar czf " + name + ".tgz " + dir);
}

export function handler(req: Request, res: Response): void {
  const host = req.query.host as string;
  // ruleid: command-injection/js-child-process-exec
  exec(`ping -c 1 ${host}`);
  archive(req.body.dir, "backup");
  const mode = host === "localhost" ? MODES["short"] : MODES["long"];
  // ok: command-injection/js-child-process-exec
  execSync("ls " + mode);
  // ok: command-injection/js-child-process-exec
  const total = execSync("df -h /").toString();
  // ok: command-injection/js-child-process-exec
  childProcess.execFileSync("du", ["-sh", host]);
  // ok: command-injection/js-child-process-exec
  const m: RegExpExecArray | null = /(\d+)%/.exec(total);
  res.send(m ? m[1] : "");
}

export function local(): void {
  // ruleid: command-injection/js-child-process-exec
  execSync("ls " + process.env.HOME);
}
