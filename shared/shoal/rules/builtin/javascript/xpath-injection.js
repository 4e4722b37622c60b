import express from "express";
import * as xp from "xpath";
import { DOMParser } from "@xmldom/xmldom";

const app = express();
const doc = new DOMParser().parseFromString("<users/>", "text/xml");
const select = xp.useNamespaces({ u: "urn:users" });
const byName = xp.parse("/users/user[@name=$name]/role/text()");

app.get("/role", (req, res) => {
  const name = req.query.name;
  // ruleid: xpath-injection/js-tainted-xpath
  const a = xp.select("/users/user[@name='" + name + "']/role/text()", doc);
  // ruleid: xpath-injection/js-tainted-xpath
  const b = select(`//u:user[@id='${req.params.id}']`, doc);
  // ok: xpath-injection/js-tainted-xpath
  const c = byName.select({ node: doc, variables: { name: String(name) } });
  const sku = String(req.query.sku);
  if (!/^[A-Z0-9-]{3,20}$/.test(sku)) return res.status(400).end();
  // ok: xpath-injection/js-tainted-xpath
  const d = xp.select1(`//item[sku='${sku}']/price`, doc);
  res.json([a, b, c, d].map(String));
});
