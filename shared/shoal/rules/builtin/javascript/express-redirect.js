const express = require("express");

const app = express();
const PAGES = { home: "/", account: "/account" };
const HOSTS = new Set(["docs.example.com"]);

app.get("/login", (req, res) => {
  const next = req.query.next;
  if (next === "/account") {
    // ok: open-redirect/js-express-redirect
    return res.redirect(next);
  }
  // ok: open-redirect/js-express-redirect
  res.redirect(PAGES["home"]);
  // ok: open-redirect/js-express-redirect
  res.redirect("/search?q=" + encodeURIComponent(next));
  // ruleid: open-redirect/js-express-redirect
  return res.redirect(next);
});

app.get("/out", (req, res) => {
  const url = new URL(String(req.query.url));
  if (url.protocol !== "https:" || !HOSTS.has(url.hostname)) {
    return res.status(400).send("host not allowed");
  }
  // ok: open-redirect/js-express-redirect
  res.redirect(url.toString());
});

app.get("/oauth/finish", (req, res) => {
  const uri = req.body.redirect_uri + "?code=" + "abc123";
  // ruleid: open-redirect/js-express-redirect
  res.setHeader("Location", uri);
  // ruleid: open-redirect/js-express-redirect
  res.writeHead(302, { Location: req.query.back });
  // ok: open-redirect/js-express-redirect
  res.setHeader("X-Requested", uri);
  res.end();
});
