const express = require("express");
const escapeHtml = require("escape-html");

const app = express();

function page(title) {
  return "<h1>" + title + "</h1>";
}

app.get("/search", (req, res) => {
  const q = req.query.q;
  // ruleid: xss/js-express-reflected
  res.send(`<p>Results for ${q}</p>`);
  // ruleid: xss/js-express-reflected
  res.write(page(q));
  // ok: xss/js-express-reflected
  res.send(`<p>Results for ${escapeHtml(q)}</p>`);
  // ok: xss/js-express-reflected
  res.send("<p>No results</p>");
  // ok: xss/js-express-reflected
  res.end(JSON.stringify({ q }));
});
