const express = require("express");
const session = require("express-session");
const { serialize } = require("cookie");
const app = express();

// ruleid: cookie/js-cookie-not-httponly
app.use(session({ secret: process.env.SECRET, cookie: { httpOnly: false, secure: true } }));

app.post("/login", (req, res) => {
  // ruleid: cookie/js-cookie-not-httponly
  res.cookie("session", req.sessionID, { secure: true });
  // ruleid: cookie/js-cookie-not-httponly
  res.setHeader("Set-Cookie", serialize("refresh", req.body.token, { secure: true, path: "/auth" }));
  // ruleid: cookie/js-cookie-not-httponly
  res.append("Set-Cookie", "jwt=" + req.body.token + "; Path=/; Secure");
  // ok: cookie/js-cookie-not-httponly
  res.cookie("session", req.sessionID, { secure: true, httpOnly: true });
  // ok: cookie/js-cookie-not-httponly
  res.append("Set-Cookie", `jwt=${req.body.token}; Path=/; Secure; HttpOnly`);
  // ok: cookie/js-cookie-not-httponly
  res.send("res.cookie('a', b)"); // res.cookie("a", b)
});
