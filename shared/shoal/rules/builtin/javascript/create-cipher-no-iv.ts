import * as crypto from "crypto";

export function obfuscate(value: string, secret: string): string {
  // ruleid: crypto/js-create-cipher-no-iv
  const c: crypto.Cipher = crypto.createCipher("aes192", secret);
  return c.update(value, "utf8", "base64") + c.final("base64");
}

export function protect(value: string, key: Buffer): Buffer {
  // ok: crypto/js-create-cipher-no-iv
  const c = crypto.createCipheriv("aes-256-gcm", key, crypto.randomBytes(12));
  return Buffer.concat([c.update(value, "utf8"), c.final(), c.getAuthTag()]);
}
