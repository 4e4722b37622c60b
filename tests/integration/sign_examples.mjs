// Prints one JSON line per push, pull_request and ping example of @octokit/webhooks-examples,
// with its body serialised as GitHub sends it and signed by @octokit/webhooks-methods.
import { createRequire } from "node:module";
import { sign } from "@octokit/webhooks-methods";

const require = createRequire(process.argv[2] + "/");
const examples = require("@octokit/webhooks-examples/api.github.com/index.json");
const secret = process.argv[3];
for (const group of examples) {
  if (!["push", "pull_request", "ping"].includes(group.name)) continue;
  for (const [index, example] of group.examples.entries()) {
    const body = JSON.stringify(example);
    console.log(JSON.stringify({ event: group.name, index, body, signature: await sign(secret, body) }));
  }
}
