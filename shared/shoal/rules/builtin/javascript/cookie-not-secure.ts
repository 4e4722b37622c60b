import express, { Request, Response } from "express";

export function login(req: Request, res: Response): void {
  // ruleid: cookie/js-express-cookie-not-secure
  res.cookie("session", req.sessionID, { secure: false });
  // ok: cookie/js-express-cookie-not-secure
  res.cookie("session", req.sessionID, { secure: true, ...defaults });
}
