const fs = require("fs");
const path = require("path");
const express = require("express");

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
});
