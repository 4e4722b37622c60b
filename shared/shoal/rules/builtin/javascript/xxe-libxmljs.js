const libxmljs = require("libxmljs");
const { parseXml: parse } = require("libxmljs2");

function read(xml) {
  // ruleid: xxe/js-libxmljs-noent
  const a = libxmljs.parseXml(xml, { noent: true });
  // ruleid: xxe/js-libxmljs-noent
  const b = parse(xml, { noblanks: true, noent: true });
  // ok: xxe/js-libxmljs-noent
  const c = libxmljs.parseXmlString(xml, { noent: false });
  // ok: xxe/js-libxmljs-noent
  const d = libxmljs.parseXml(xml);
  // ok: xxe/js-libxmljs-noent
  const e = "libxmljs.parseXml(xml, { noent: true })"; // libxmljs.parseXml(xml, {noent: true})
  return [a, b, c, d, e];
}

module.exports = { read };

function viaOptions(xml) {
  const options = { noent: true, dtdload: true };
  // ruleid: xxe/js-libxmljs-noent
  const a = libxmljs.parseXml(xml, options);
  const safe = { noent: false };
  // ok: xxe/js-libxmljs-noent
  const b = libxmljs.parseXml(xml, safe);
  return [a, b];
}

function setAfterwards(xml, strict) {
  const opts = {};
  opts.noent = true;
  // ruleid: xxe/js-libxmljs-noent
  const a = libxmljs.parseXml(xml, opts);
  const off = { noent: true };
  off["noent"] = false;
  // ok: xxe/js-libxmljs-noent
  const b = libxmljs.parseXml(xml, off);
  const maybe = {};
  if (strict) maybe.noent = true;
  // ok: xxe/js-libxmljs-noent
  const c = libxmljs.parseXml(xml, maybe);
  return [a, b, c];
}
