import { randomInt, randomUUID } from "node:crypto";

export class InviteService {
  private codes = new Map<string, string>();

  issue(email: string): string {
    // ruleid: crypto/js-insecure-random-secret
    const inviteCode: string = String(Math.floor(Math.random() * 1_000_000)).padStart(6, "0");
    this.codes.set(email, inviteCode);
    return inviteCode;
  }

  issueSafely(email: string): string {
    // ok: crypto/js-insecure-random-secret
    const inviteCode: string = String(randomInt(0, 1_000_000)).padStart(6, "0");
    // ok: crypto/js-insecure-random-secret
    const sample = Math.random() < 0.1;
    this.codes.set(email, sample ? randomUUID() : inviteCode);
    return inviteCode;
  }
}

// ruleid: crypto/js-insecure-random-secret
export const makeNonce = (): string => Math.random().toString(36).slice(2);
