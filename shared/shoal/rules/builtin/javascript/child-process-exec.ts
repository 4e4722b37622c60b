import { exec, execSync } from "node:child_process";
import * as childProcess from "child_process";
import { promisify } from "node:util";

const execAsync = promisify(exec);

export async function ping(host: string): Promise<string> {
  // ruleid: command-injection/js-child-process-exec
  const { stdout } = await execAsync(`ping -c 1 ${host}`);
  return stdout;
}

export function archive(dir: string, name: string): Buffer {
  // ruleid: command-injection/js-child-process-exec
  return childProcess.execSync("tar czf " + name + ".tgz " + dir);
}

export function diskUsage(path: string): string {
  // ok: command-injection/js-child-process-exec
  const total = execSync("df -h /").toString();
  // ok: command-injection/js-child-process-exec
  childProcess.execFileSync("du", ["-sh", path]);
  // ok: command-injection/js-child-process-exec
  const m: RegExpExecArray | null = /(\d+)%/.exec(total);
  return m ? m[1] : path;
}
