const fs = require("fs");
const path = require("path");
const express = require("express");
const { readFile } = require("node:fs/promises");

const app = express();
const BASE = "/srv/files";

function load(name) {
  // ruleid: path-traversal/js-tainted-path
  return fs.readFileSync(path.join(BASE, name));
}

app.get("/file", (req, res) => {
  const name = req.query.name;
  // ruleid: path-traversal/js-tainted-path
  fs.createReadStream(BASE + "/" + name).pipe(res);
  load(name);
  // ok: path-traversal/js-tainted-path
  fs.readFileSync(path.join(BASE, path.basename(name)));
  // ok: path-traversal/js-tainted-path
  fs.readFileSync(path.join(BASE, "index.html"));
  // ok: path-traversal/js-tainted-path
  res.sendFile(name, { root: BASE, dotfiles: "deny" });
});

app.get("/download", async (req, res) => {
  const target = path.resolve(BASE, String(req.query.file));
  // ruleid: path-traversal/js-tainted-path
  const head = await readFile(target);
  if (!target.startsWith(BASE + path.sep)) {
    return res.status(403).send("forbidden");
  }
  // ok: path-traversal/js-tainted-path
  fs.readFile(target, (err, data) => res.send(head + data));
});
