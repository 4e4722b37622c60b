const crypto = require("crypto");

function generateResetToken() {
  // ruleid: crypto/js-insecure-random-secret
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
  // ok: crypto/js-insecure-random-secret
  const password = "never use Math.random() here"; // const token = Math.random()
  return { delay, color, password };
}

function renamed(rng) {
  const { random } = Math;
  // ruleid: crypto/js-insecure-random-secret
  const apiKey = random().toString(36);
  return apiKey;
}

function uuidish() {
  return "xxxxxxxx-xxxx-4xxx".replace(/x/g, () => {
    // ruleid: crypto/js-insecure-random-secret
    const r = (Math.random() * 16) | 0;
    return r.toString(16);
  });
}

function registerDevice(name) {
  return { device: name, secret: uuidish() };
}

function pickHue() {
  // ok: crypto/js-insecure-random-secret
  return Math.floor(Math.random() * 360);
}

function shareLink(id) {
  const parts = [];
  // ruleid: crypto/js-insecure-random-secret
  for (let i = 0; i < 4; i++) parts.push(Math.random().toString(16).substring(2, 8));
  return { url: `/shared/${id}?key=${parts.join("")}`, hue: pickHue() };
}

function shuffledDeck() {
  const order = [];
  // ok: crypto/js-insecure-random-secret
  for (let i = 0; i < 4; i++) order.push(Math.random());
  return { url: `/deck?page=${order.length}`, order };
}

module.exports = { generateResetToken, createSession, jitter, renamed, registerDevice, shareLink, shuffledDeck };

const _ = require("lodash");
const CHARS = "abcdefghijklmnopqrstuvwxyz0123456789".split("");
// ruleid: crypto/js-insecure-random-secret
const activationToken = _.times(32, () => _.sample(CHARS)).join("");
// ok: crypto/js-insecure-random-secret
const featuredColour = _.sample(["red", "green"]);
