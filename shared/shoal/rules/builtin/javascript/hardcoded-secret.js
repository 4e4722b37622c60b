const jwt = require("jsonwebtoken");
const mysql = require("mysql2");

// ruleid: credentials/js-hardcoded-secret
const JWT_SECRET = "k8s-9f2c1e7d4b3a6";

const connection = mysql.createConnection({
  host: "db.internal",
  user: "app",
  // ruleid: credentials/js-hardcoded-secret
  password: "Sup3rS3cret!",
  database: "shop",
});

const stripe = {
  // ruleid: credentials/js-hardcoded-secret
  "apiKey": 'sk_live_51H8dkL2eZvKYlo2C',
};

class Mailer {
  // ruleid: credentials/js-hardcoded-secret
  authToken = `xoxb-2112-8823-a7f3e9`;
}

function sign(user) {
  // ok: credentials/js-hardcoded-secret
  const secret = process.env.JWT_SECRET;
  // ok: credentials/js-hardcoded-secret
  const form = { password: "", passwordLabel: "Password", tokenType: "Bearer" };
  // ok: credentials/js-hardcoded-secret
  const placeholder = { apiKey: "<your-api-key>", secret: "changeme" };
  // ok: credentials/js-hardcoded-secret
  const input = { type: "password", autocomplete: "current-password", token: "${TOKEN}" };
  // ok: credentials/js-hardcoded-secret
  const prompt = { password: "Enter your password" };
  // ok: credentials/js-hardcoded-secret
  const rule = { token: "keyword.operator.assignment", regex: /=/ };
  // ok: credentials/js-hardcoded-secret
  const request = { credentials: "same-origin", csrfToken: "" };
  // ruleid: credentials/js-hardcoded-secret
  const token = "ghp_16C7e42F292c6912E7710c838347Ae178B4a";
  return jwt.sign({ sub: user.id }, secret || JWT_SECRET, { form, placeholder, input, prompt });
}

module.exports = { connection, stripe, Mailer, sign };

// ruleid: credentials/js-hardcoded-secret
const AES_KEY = Buffer.from("Q7w9E2r4T6y8U1i3O5p7A9s2D4f6G8h0");
// ok: credentials/js-hardcoded-secret
const GREETING = Buffer.from("Q7w9E2r4T6y8U1i3O5p7A9s2D4f6G8h0");

// ruleid: credentials/js-hardcoded-secret
function webhookSecret() {
  return "whsec_4f8a1c9e2b7d6053";
}

// ruleid: credentials/js-hardcoded-secret
const auth = basicAuth({ users: { ops: "0psTeam!2023" }, challenge: true });
