const jwt = require("jsonwebtoken");
const crypto = require("node:crypto");
const session = require("express-session");
const express = require("express");

const app = express();
const SIGNING = "k9Lx2Qp7Vw4Zr8Tn1Bc6Hd3Fg5Jm0Sa";

// ruleid: credentials/js-hardcoded-key
app.use(session({ secret: "s3ss10n-Secr3t-2024", resave: false }));
// ok: credentials/js-hardcoded-key
app.use(session({ secret: process.env.SESSION_SECRET, resave: false }));

app.post("/token", express.json(), (req, res) => {
  // ruleid: credentials/js-hardcoded-key
  const token = jwt.sign({ sub: req.body.user }, SIGNING, { expiresIn: "1h" });
  // ruleid: credentials/js-hardcoded-key
  const mac = crypto.createHmac("sha256", "whsec_4f8a1c9e2b7d6053").update(token).digest("hex");
  // ok: credentials/js-hardcoded-key
  const again = jwt.sign({ sub: req.body.user }, process.env.JWT_SECRET);
  // ok: credentials/js-hardcoded-key
  const hash = crypto.createHash("sha256").update(again).digest("hex");
  res.json({ token, mac, hash });
});
