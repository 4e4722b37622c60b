const crypto = require("crypto");
const { createHash } = require("node:crypto");

function hashPassword(password, salt) {
  // ruleid: crypto/js-weak-hash
  return crypto.createHash("md5").update(salt + password).digest("hex");
}

function signatureOf(payload) {
  // ruleid: crypto/js-weak-hash
  return createHash('SHA1').update(JSON.stringify(payload)).digest("base64");
}

function fingerprint(buffer) {
  // ok: crypto/js-weak-hash
  const strong = crypto.createHash("sha256").update(buffer).digest("hex");
  // ok: crypto/js-weak-hash
  const mac = crypto.createHmac("sha256", process.env.MAC_KEY).update(buffer).digest("hex");
  // ok: crypto/js-weak-hash
  const sha512 = createHash("sha512").update(buffer).digest();
  return { strong, mac, sha512 };
}

module.exports = { hashPassword, signatureOf, fingerprint };
