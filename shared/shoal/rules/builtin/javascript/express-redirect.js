const express = require("express");

const app = express();
const PAGES = { home: "/", account: "/account" };

app.get("/login", (req, res) => {
  const next = req.query.next;
  if (next === "/account") {
    // ok: open-redirect/js-express-redirect
    return res.redirect(next);
  }
  // ok: open-redirect/js-express-redirect
  res.redirect(PAGES["home"]);
  // ruleid: open-redirect/js-express-redirect
  return res.redirect(next);
});
