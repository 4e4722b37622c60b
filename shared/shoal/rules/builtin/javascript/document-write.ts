export function openPrintWindow(content: string): void {
  const win = window.open("", "_blank");
  if (!win) return;
  // ruleid: xss/js-document-write
  win.document.write("<html><body>" + content + "</body></html>");
  // ok: xss/js-document-write
  win.document.write(`<html><body><p>Printing…</p></body></html>`);
  win.document.close();
}

export function log(line: string, out: NodeJS.WritableStream): void {
  // ok: xss/js-document-write
  out.write(line);
  // ruleid: xss/js-document-write
  document.writeln(line as string);
}
