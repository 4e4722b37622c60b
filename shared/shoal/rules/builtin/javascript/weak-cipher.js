const crypto = require("crypto");

function encryptCard(number, key) {
  // ruleid: crypto/js-weak-cipher
  const cipher = crypto.createCipheriv("des-ede3-cbc", key, crypto.randomBytes(8));
  return cipher.update(number, "utf8", "hex") + cipher.final("hex");
}

function encryptBlock(block, key) {
  // ruleid: crypto/js-weak-cipher
  const cipher = crypto.createCipheriv("aes-128-ecb", key, null);
  return Buffer.concat([cipher.update(block), cipher.final()]);
}

function decryptLegacy(data, key) {
  // ruleid: crypto/js-weak-cipher
  const decipher = crypto.createDecipheriv('rc4', key, '');
  return decipher.update(data);
}

function encrypt(text, key) {
  const iv = crypto.randomBytes(12);
  // ok: crypto/js-weak-cipher
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  // ok: crypto/js-weak-cipher
  const other = crypto.createCipheriv("chacha20-poly1305", key, iv, { authTagLength: 16 });
  return { cipher, other, text };
}

function spelledOtherwise(data, key) {
  const { createCipheriv: makeCipher } = require("node:crypto");
  // ruleid: crypto/js-weak-cipher
  const a = makeCipher("bf-cbc", key, Buffer.alloc(8));
  // ok: crypto/js-weak-cipher
  const note = "createCipheriv('des-ede3-cbc') is weak"; // crypto.createCipheriv("rc4", key, "")
  const CryptoJS = require("crypto-js");
  // ruleid: crypto/js-weak-cipher
  const b = CryptoJS.TripleDES.encrypt(data, key);
  // ruleid: crypto/js-weak-cipher
  const c = CryptoJS.AES.encrypt(data, key, { mode: CryptoJS.mode.ECB });
  // ok: crypto/js-weak-cipher
  const d = CryptoJS.AES.encrypt(data, key, { mode: CryptoJS.mode.CBC, iv });
  return { a, note };
}

module.exports = { encryptCard, encryptBlock, decryptLegacy, encrypt };
