import { Request, Response } from "express";

export function calculate(req: Request, res: Response): void {
  const expr = String(req.body.expression);
  // ruleid: code-injection/js-eval
  const value: number = eval(expr);
  // ruleid: code-injection/js-eval
  globalThis.eval("var config = " + req.body.config);
  // ok: code-injection/js-eval
  const constant = eval(`40 + 2`);
  res.json({ value, constant });
}

export function safe(input: string): unknown {
  // ok: code-injection/js-eval
  const data: unknown = JSON.parse(input);
  // ok: code-injection/js-eval
  return sandbox.eval(input) ?? data;
}
