import type { Request } from "express";

export function retryLater(handlerName: string, attempt: number): number {
  // ruleid: code-injection/js-timer-string
  return window.setTimeout(handlerName + "(" + attempt + ")", attempt * 1000);
}

export function tick(fnName: string): void {
  // ruleid: code-injection/js-timer-string
  setInterval(`window.${fnName}()`, 500);
}

export function onRetry(req: Request): void {
  retryLater(req.query.handler as string, 1);
  tick(req.body.fn);
  retrySafely(() => undefined, Number(req.query.attempt));
}

export function retrySafely(handler: (n: number) => void, attempt: number): void {
  // ok: code-injection/js-timer-string
  setTimeout(() => handler(attempt), attempt * 1000);
  // ok: code-injection/js-timer-string
  setTimeout(handler, attempt * 1000, attempt);
  // ok: code-injection/js-timer-string
  window.setInterval(`console.log("tick")`, 500);
}
