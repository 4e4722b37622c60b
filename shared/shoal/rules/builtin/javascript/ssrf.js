const axios = require("axios");
const express = require("express");
const request = require("request");

const app = express();
const HOSTS = ["https://api.example.com"];

app.get("/proxy", async (req, res) => {
  const target = req.query.url;
  // ruleid: ssrf/js-tainted-url
  const a = await axios.get(target);
  // ruleid: ssrf/js-tainted-url
  const b = await fetch(`https://${req.query.host}/status`);
  if (HOSTS.includes(target)) {
    // ok: ssrf/js-tainted-url
    await axios.get(target);
  }
  // ok: ssrf/js-tainted-url
  const c = await fetch("https://api.example.com/status");
  res.json({ a: a.data, b: b.status, c: c.status });
  // ok: ssrf/js-tainted-url
  const d = await fetch("https://search.example.com/api?q=" + encodeURIComponent(target));
  // ruleid: ssrf/js-tainted-url
  const client = axios.create({ baseURL: req.body.hook });
  // ruleid: ssrf/js-tainted-url
  request(req.query.link).pipe(res);
  await client.post("/", { d: d.status });
});
