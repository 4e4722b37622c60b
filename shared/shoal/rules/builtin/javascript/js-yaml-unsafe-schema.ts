import * as yaml from "js-yaml";

export function parseManifest(text: string): unknown {
  // ruleid: deserialization/js-yaml-unsafe-schema
  return yaml.loadAll(text, undefined, { schema: yaml.FULL_SCHEMA } as yaml.LoadOptions);
}

export function parseSafe(text: string): unknown {
  // ok: deserialization/js-yaml-unsafe-schema
  const doc = yaml.load(text, { schema: yaml.JSON_SCHEMA });
  // ok: deserialization/js-yaml-unsafe-schema
  return doc ?? yaml.load(text);
}
