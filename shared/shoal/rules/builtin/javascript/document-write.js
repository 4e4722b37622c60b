function trackCampaign() {
  const campaign = new URLSearchParams(location.search).get("utm_campaign");
  // ruleid: xss/js-document-write
  document.write('<img src="/pixel.gif?c=' + campaign + '">');
}

function printReport(win, report) {
  // ruleid: xss/js-document-write
  win.document.writeln(`<h1>${report.title}</h1>`);
  // ruleid: xss/js-document-write
  document.write(report.html);
}

function printStatic(win, report) {
  // ok: xss/js-document-write
  document.write("<p>This page requires JavaScript.</p>");
  // ok: xss/js-document-write
  win.document.write(escapeHtml(report.title));
  // ok: xss/js-document-write
  stream.write(report.html);
}
