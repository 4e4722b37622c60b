const express = require("express");
const session = require("express-session");

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET }));
const THEMES = new Set(["light", "dark"]);

app.post("/prefs", express.json(), (req, res) => {
  const { role, theme } = req.body;
  // ruleid: trust-boundary/js-session-from-request
  req.session.role = role;
  // ruleid: trust-boundary/js-session-from-request
  req.session[req.body.attr] = "enabled";
  // ruleid: trust-boundary/js-session-from-request
  Object.assign(req.session, req.body);
  if (THEMES.has(theme)) {
    // ok: trust-boundary/js-session-from-request
    req.session.theme = theme;
  }
  // ok: trust-boundary/js-session-from-request
  req.session.seats = parseInt(req.body.seats, 10);
  res.redirect("/");
});
