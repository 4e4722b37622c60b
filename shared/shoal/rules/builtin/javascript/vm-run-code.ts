import * as vm from "node:vm";
import type { Request } from "express";

export function render(template: string, data: Record<string, unknown>): string {
  const context = vm.createContext({ data });
  // ruleid: code-injection/js-vm-run-code
  return vm.runInContext("`" + template + "`", context) as string;
}

export function compile(body: string): Function {
  // ruleid: code-injection/js-vm-run-code
  return vm.compileFunction(body, ["input"]);
}

export function preview(req: Request): string {
  const fn = compile(req.body.body);
  return render(req.query.template as string, { fn });
}

export function bootstrap(context: vm.Context): void {
  // ok: code-injection/js-vm-run-code
  vm.runInContext("globalThis.ready = true", context);
  // ok: code-injection/js-vm-run-code
  const script: vm.Script = new vm.Script("1 + 1");
  // ok: code-injection/js-vm-run-code
  script.runInContext(context, { timeout: 50 });
}
