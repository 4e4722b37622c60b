const fs = require("fs");
const os = require("os");
const path = require("path");

function cacheReport(report) {
  // ruleid: tempfile/js-hardcoded-tmp-path
  fs.writeFileSync("/tmp/report.json", JSON.stringify(report));
}

function exportCsv(userId, rows) {
  // ruleid: tempfile/js-hardcoded-tmp-path
  const out = fs.createWriteStream(`/tmp/export-${userId}.csv`);
  rows.forEach((r) => out.write(r.join(",") + "\n"));
  out.end();
}

async function saveSafely(data) {
  // ok: tempfile/js-hardcoded-tmp-path
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), "report-"));
  // ok: tempfile/js-hardcoded-tmp-path
  await fs.promises.writeFile(path.join(dir, "report.json"), data, { mode: 0o600 });
  // ok: tempfile/js-hardcoded-tmp-path
  const cached = fs.readFileSync("/tmp/report.json", "utf8");
  return cached;
}

module.exports = { cacheReport, exportCsv, saveSafely };
