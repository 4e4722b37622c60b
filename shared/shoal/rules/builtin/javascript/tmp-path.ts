import { promises as fsp } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export async function writeLock(pid: number): Promise<void> {
  // ruleid: tempfile/js-hardcoded-tmp-path
  await fsp.writeFile("/var/tmp/myapp.lock", String(pid));
}

export async function writeLockSafely(pid: number): Promise<string> {
  const dir: string = await fsp.mkdtemp(join(tmpdir(), "myapp-"));
  // ok: tempfile/js-hardcoded-tmp-path
  await fsp.writeFile(join(dir, "myapp.lock"), String(pid), { flag: "wx", mode: 0o600 });
  // ok: tempfile/js-hardcoded-tmp-path
  await fsp.writeFile("./tmp/myapp.lock", String(pid));
  return dir;
}
