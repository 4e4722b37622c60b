import { Router, Request, Response } from "express";
import { Client as LdapClient } from "ldapts";

const router = Router();
const directory = new LdapClient({ url: "ldaps://ldap.internal" });

router.get("/directory", async (req: Request, res: Response) => {
  const mail = req.query.mail as string;
  // ruleid: ldap-injection/js-tainted-filter
  const found = await directory.search("ou=people,dc=corp", { filter: "(mail=" + mail + ")" });
  if (!/^[\w.+-]+@[\w.-]+$/.test(mail)) {
    res.status(400).end();
    return;
  }
  // ok: ldap-injection/js-tainted-filter
  const again = await directory.search("ou=people,dc=corp", { filter: `(mail=${mail})` });
  res.json([found.searchEntries, again.searchEntries]);
});
