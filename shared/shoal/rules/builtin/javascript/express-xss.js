const express = require("express");
const escapeHtml = require("escape-html");
const ejs = require("ejs");
const User = require("./models/user");

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
  // ruleid: xss/js-express-reflected
  res.status(404).send(`<h1>No page ${q}</h1>`);
  // ok: xss/js-express-reflected
  res.send({ q, at: Date.now() });
  // ok: xss/js-express-reflected
  res.send(`<p>${q.length} characters</p>`);
  // ok: xss/js-express-reflected
  res.send(ejs.render("<p><%= q %></p>", { q }));
  // ruleid: xss/js-express-reflected
  res.send(ejs.render("<p><%- q %></p>", { q }));
});

app.get("/echo", (req, res) => {
  res.type("text/plain");
  // ok: xss/js-express-reflected
  res.send("You wrote: " + req.query.text);
});

app.get("/users/:id", async (req, res) => {
  // The row found with the id is the database's, not the request's.
  const user = await User.findById(req.params.id);
  // ok: xss/js-express-reflected
  res.send(user);
  // ruleid: xss/js-express-reflected
  res.send(`<p>No user ${req.params.id}</p>`);
});
