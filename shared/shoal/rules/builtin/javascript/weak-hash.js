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

function spelledOtherwise(data) {
  const { createHash: digestWith } = require("crypto");
  // ruleid: crypto/js-weak-hash
  const a = digestWith("md5").update(data).digest("hex");
  // ruleid: crypto/js-weak-hash
  const b = require("crypto").createHash(`sha1`).update(data).digest();
  // ok: crypto/js-weak-hash
  const note = "crypto.createHash('md5') is broken"; // createHash("md5")
  const md5 = require("md5");
  const CryptoJS = require("crypto-js");
  // ruleid: crypto/js-weak-hash
  const c = md5(data);
  // ruleid: crypto/js-weak-hash
  const d = CryptoJS.SHA1(data).toString();
  // ruleid: crypto/js-weak-hash
  const e = require("crypto").createHmac("md5", key).update(data).digest("hex");
  // ok: crypto/js-weak-hash
  const f = CryptoJS.SHA256(data).toString();
  return { a, b, note };
}

module.exports = { hashPassword, signatureOf, fingerprint };

function joinedName(data) {
  const parts = ["sha", "1"];
  // ruleid: crypto/js-weak-hash
  const a = crypto.createHash(parts.join("")).update(data).digest("hex");
  // ruleid: crypto/js-weak-hash
  const b = crypto.createHash(["md", "5"].join("")).update(data).digest("hex");
  const grown = ["sha", "1"];
  grown.push("-256");
  // ok: crypto/js-weak-hash
  const c = crypto.createHash(grown.join("")).update(data).digest("hex");
  // ok: crypto/js-weak-hash
  const d = crypto.createHash(["sha", "256"].join("")).update(data).digest("hex");
  return [a, b, c, d];
}
