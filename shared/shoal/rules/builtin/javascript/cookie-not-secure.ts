import express, { Request, Response } from "express";

export function login(req: Request, res: Response): void {
  // ruleid: cookie/js-express-cookie-not-secure
  res.cookie("session", req.sessionID, { secure: false });
  // ok: cookie/js-express-cookie-not-secure
  res.cookie("session", req.sessionID, { secure: true, ...defaults });
}

export function koa(ctx: any): void {
  // ruleid: cookie/js-express-cookie-not-secure
  ctx.cookies.set("SESSION", "v", { httpOnly: true });
  // ok: cookie/js-express-cookie-not-secure
  ctx.cookies.set("SESSION", "v", { secure: true });
}
