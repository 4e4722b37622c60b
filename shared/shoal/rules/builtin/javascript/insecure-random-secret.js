const crypto = require("crypto");

// ruleid: crypto/js-insecure-random-secret
function generateResetToken() {
  return Math.random().toString(36).slice(2) + Date.now().toString(36);
}

function createSession(user) {
  // ruleid: crypto/js-insecure-random-secret
  const sessionId = Math.floor(Math.random() * 1e16).toString(16);
  return {
    user,
    sessionId,
    // ruleid: crypto/js-insecure-random-secret
    csrf: Math.random().toString(36).substring(2),
  };
}

function jitter(base) {
  // ok: crypto/js-insecure-random-secret
  const delay = base + Math.floor(Math.random() * 100);
  // ok: crypto/js-insecure-random-secret
  const token = crypto.randomBytes(32).toString("hex");
  // ok: crypto/js-insecure-random-secret
  const color = { hue: Math.random() * 360, token };
  return { delay, color };
}

module.exports = { generateResetToken, createSession, jitter };
