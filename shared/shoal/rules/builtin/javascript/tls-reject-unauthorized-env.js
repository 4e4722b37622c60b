const axios = require("axios");

if (process.env.NODE_ENV !== "production") {
  // ruleid: tls/js-node-tls-reject-unauthorized-env
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";
}

async function scrape(url) {
  // ruleid: tls/js-node-tls-reject-unauthorized-env
  process.env["NODE_TLS_REJECT_UNAUTHORIZED"] = 0;
  return axios.get(url);
}

// ok: tls/js-node-tls-reject-unauthorized-env
process.env.NODE_TLS_REJECT_UNAUTHORIZED = "1";
// ok: tls/js-node-tls-reject-unauthorized-env
const disabled = process.env.NODE_TLS_REJECT_UNAUTHORIZED === "0";
// ok: tls/js-node-tls-reject-unauthorized-env
process.env.RETRY_COUNT = "0";

module.exports = { scrape, disabled };
