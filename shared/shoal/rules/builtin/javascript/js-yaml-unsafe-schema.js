const fs = require("fs");
const yaml = require("js-yaml");
const jsTypes = require("js-yaml-js-types");

function loadConfig(path) {
  const text = fs.readFileSync(path, "utf8");
  // ruleid: deserialization/js-yaml-unsafe-schema
  return yaml.load(text, { schema: yaml.DEFAULT_FULL_SCHEMA });
}

const extended = yaml.DEFAULT_SCHEMA.extend(jsTypes.all);

function loadUpload(body) {
  // ruleid: deserialization/js-yaml-unsafe-schema
  return yaml.load(body, { schema: yaml.DEFAULT_SCHEMA.extend(jsTypes.all), json: true });
}

function loadSafe(body) {
  // ok: deserialization/js-yaml-unsafe-schema
  const a = yaml.load(body);
  // ok: deserialization/js-yaml-unsafe-schema
  const b = yaml.load(body, { schema: yaml.CORE_SCHEMA });
  // ok: deserialization/js-yaml-unsafe-schema
  const c = yaml.safeLoad(body, { filename: "upload.yml" });
  return [a, b, c, extended];
}

module.exports = { loadConfig, loadUpload, loadSafe };
