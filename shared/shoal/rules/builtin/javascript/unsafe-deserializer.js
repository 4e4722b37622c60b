const Cryo = require("cryo");
const funcster = require("funcster");

function load(req) {
  // ruleid: deserialization/js-unsafe-deserializer
  const state = Cryo.parse(req.body);
  // ruleid: deserialization/js-unsafe-deserializer
  const job = funcster.deepDeserialize(JSON.parse(req.body.job));
  // ok: deserialization/js-unsafe-deserializer
  const plain = JSON.parse(req.body); // Cryo.parse(req.body)
  return { state, job, plain };
}
