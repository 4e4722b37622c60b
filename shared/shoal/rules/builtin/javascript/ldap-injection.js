const express = require("express");
const ldap = require("ldapjs");
const { Client, EqualityFilter } = require("ldapts");

const app = express();
const client = ldap.createClient({ url: "ldap://ldap.internal" });
const ts = new Client({ url: "ldaps://ldap.internal" });

app.get("/people", async (req, res) => {
  const { user } = req.query;
  // ruleid: ldap-injection/js-tainted-filter
  client.search("ou=people,dc=corp", { filter: "(uid=" + user + ")" }, () => res.end());
  const opts = { scope: "sub", filter: `(mail=${req.query.mail})` };
  // ruleid: ldap-injection/js-tainted-filter
  await ts.search("dc=corp", opts);
  // ruleid: ldap-injection/js-tainted-filter
  const parsed = ldap.parseFilter(`(cn=${req.get("x-group")})`);
  const filter = new EqualityFilter({ attribute: "uid", value: String(user) });
  // ok: ldap-injection/js-tainted-filter
  await ts.search("dc=corp", { filter });
  // ok: ldap-injection/js-tainted-filter
  client.search("dc=corp", { filter: "(objectClass=person)" }, () => res.json(parsed));
});
