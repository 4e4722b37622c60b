import * as libxmljs from "libxmljs";

export function read(xml: string) {
  // ruleid: xxe/js-libxmljs-noent
  return libxmljs.parseXmlString(xml, { noent: true, nonet: false });
}

export function safe(xml: string) {
  // ok: xxe/js-libxmljs-noent
  return libxmljs.parseXmlString(xml, { nonet: true });
}
