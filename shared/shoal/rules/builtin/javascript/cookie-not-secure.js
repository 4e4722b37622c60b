const express = require("express");
const session = require("express-session");
const app = express();

// ruleid: cookie/js-express-cookie-not-secure
app.use(session({ secret: process.env.SECRET, cookie: { httpOnly: true } }));
// ok: cookie/js-express-cookie-not-secure
app.use(session({ secret: process.env.SECRET, cookie: { secure: true } }));

app.post("/login", (req, res) => {
  // ruleid: cookie/js-express-cookie-not-secure
  res.cookie("session", req.sessionID);
  // ruleid: cookie/js-express-cookie-not-secure
  res.cookie("session", req.sessionID, { httpOnly: true });
  // ruleid: cookie/js-express-cookie-not-secure
  res.cookie("session", req.sessionID, { secure: false, httpOnly: true });
  // ok: cookie/js-express-cookie-not-secure
  res.cookie("session", req.sessionID, { secure: true, httpOnly: true });
  // ok: cookie/js-express-cookie-not-secure
  res.cookie("session", req.sessionID, cookieOptions);
  // ok: cookie/js-express-cookie-not-secure
  res.send("call res.cookie('a', b) to remember"); // res.cookie("a", b)
  // ok: cookie/js-express-cookie-not-secure
  $.cookie("theme", "dark");
  // ruleid: cookie/js-express-cookie-not-secure
  res.setHeader("Set-Cookie", `sid=${req.sessionID}; Path=/; HttpOnly`);
  // ok: cookie/js-express-cookie-not-secure
  res.setHeader("Set-Cookie", `sid=${req.sessionID}; Path=/; Secure; HttpOnly`);
});

app.post("/device", (req, res) => {
  const opts = { secure: false, httpOnly: false };
  opts.secure = true;
  // ok: cookie/js-express-cookie-not-secure
  res.cookie("trusted_device", req.body.id, opts);
  const loose = { secure: false };
  // ruleid: cookie/js-express-cookie-not-secure
  res.cookie("trusted_device", req.body.id, loose);
});
