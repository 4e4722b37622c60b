const serialize = require("node-serialize");
const express = require("express");
const cookieParser = require("cookie-parser");

const app = express();
app.use(cookieParser());

app.get("/profile", (req, res) => {
  const raw = Buffer.from(req.cookies.profile, "base64").toString();
  // ruleid: deserialization/js-node-serialize
  const profile = serialize.unserialize(raw);
  res.send(`Hello ${profile.username}`);
});

app.post("/session", (req, res) => {
  // ruleid: deserialization/js-node-serialize
  req.session.state = serialize.unserialize(req.body.state);
  // ok: deserialization/js-node-serialize
  const copy = JSON.parse(req.body.state);
  // ok: deserialization/js-node-serialize
  const token = serialize.serialize({ id: copy.id });
  res.json({ token });
});

// ok: deserialization/js-node-serialize
const defaults = serialize.unserialize('{"theme":"dark"}');

module.exports = { app, defaults };
