import { createCipheriv, createDecipheriv, randomBytes, Cipher } from "node:crypto";

export function seal(data: Buffer, key: Buffer): Buffer {
  // ruleid: crypto/js-weak-cipher
  const cipher: Cipher = createCipheriv("bf-cbc", key, randomBytes(8));
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

export function openDes(data: Buffer, key: Buffer, iv: Buffer): Buffer {
  // ruleid: crypto/js-weak-cipher
  const decipher = createDecipheriv(`DES-CBC`, key, iv);
  return Buffer.concat([decipher.update(data), decipher.final()]);
}

export function sealSafely(data: Buffer, key: Buffer): Buffer {
  // ok: crypto/js-weak-cipher
  const cipher = createCipheriv("aes-256-cbc", key, randomBytes(16));
  // ok: crypto/js-weak-cipher
  const ctr = createCipheriv("aes-256-ctr", key, randomBytes(16));
  return Buffer.concat([cipher.update(data), cipher.final(), ctr.final()]);
}
