const https = require("https");
const axios = require("axios");
const request = require("request");

// ruleid: tls/js-reject-unauthorized-false
const insecureAgent = new https.Agent({ rejectUnauthorized: false });

async function fetchStatus(url) {
  const client = axios.create({
    httpsAgent: new https.Agent({
      keepAlive: true,
      // ruleid: tls/js-reject-unauthorized-false
      rejectUnauthorized: false,
    }),
  });
  return client.get(url);
}

function legacy(url, cb) {
  // ruleid: tls/js-reject-unauthorized-false
  request({ url, strictSSL: false }, cb);
}

function tolerant(host) {
  return https.request({
    host,
    // ruleid: tls/js-reject-unauthorized-false
    checkServerIdentity: () => undefined,
  });
}

function strict(host, ca) {
  // ok: tls/js-reject-unauthorized-false
  const agent = new https.Agent({ rejectUnauthorized: true, ca });
  // ok: tls/js-reject-unauthorized-false
  const opts = { rejectUnauthorized: process.env.NODE_ENV !== "development", agent };
  // ok: tls/js-reject-unauthorized-false
  return https.request({ host, ...opts, checkServerIdentity: (h, cert) => pinCheck(h, cert) });
}

module.exports = { insecureAgent, fetchStatus, legacy, tolerant, strict };

function flagged(verify) {
  // ruleid: tls/js-reject-unauthorized-false
  const off = new https.Agent({ rejectUnauthorized: verify && false });
  // ok: tls/js-reject-unauthorized-false
  const on = new https.Agent({ rejectUnauthorized: verify || false });
  return [off, on];
}

function agentFromOptions() {
  const opts = {};
  // ruleid: tls/js-reject-unauthorized-false
  opts["rejectUnauthorized"] = false;
  // ok: tls/js-reject-unauthorized-false
  opts["keepAlive"] = false;
  return new https.Agent(opts);
}
