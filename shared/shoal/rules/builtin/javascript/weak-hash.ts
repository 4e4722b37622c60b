import { createHash } from "node:crypto";

export async function digestLegacy(data: ArrayBuffer): Promise<ArrayBuffer> {
  // ruleid: crypto/js-weak-hash
  return window.crypto.subtle.digest("SHA-1", data);
}

export function etagFor(body: string): string {
  // ruleid: crypto/js-weak-hash
  return createHash(`md5`).update(body).digest("hex");
}

export async function digest(data: ArrayBuffer, body: string): Promise<string> {
  // ok: crypto/js-weak-hash
  const buf: ArrayBuffer = await crypto.subtle.digest("SHA-256", data);
  // ok: crypto/js-weak-hash
  const hex: string = createHash("sha3-256").update(body).digest("hex");
  return hex + buf.byteLength;
}
