const crypto = require("crypto");

function encrypt(text, password) {
  // ruleid: crypto/js-create-cipher-no-iv
  const cipher = crypto.createCipher("aes-256-cbc", password);
  return cipher.update(text, "utf8", "hex") + cipher.final("hex");
}

function decrypt(hex, password) {
  // ruleid: crypto/js-create-cipher-no-iv
  const decipher = crypto.createDecipher("aes-256-cbc", password);
  return decipher.update(hex, "hex", "utf8") + decipher.final("utf8");
}

function encryptProperly(text, key) {
  const iv = crypto.randomBytes(12);
  // ok: crypto/js-create-cipher-no-iv
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  // ok: crypto/js-create-cipher-no-iv
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, iv);
  return { cipher, decipher, text };
}

module.exports = { encrypt, decrypt, encryptProperly };
