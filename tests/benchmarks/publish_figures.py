"""Figures for publishing a finished scan to GitHub: SARIF sizes, requests, time, checkpoint size.

Publishes the reports of a scan already in a workspace to the loopback GitHub stand-in of the
integration tests (no network). Usage:
    .venv/bin/python tests/benchmarks/publish_figures.py <workspace> <scan id>
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from shoal.github.api import GitHubClient  # noqa: E402
from shoal.github.publish import GitHubTarget, PublishOptions, Reports, prepare_sarif, publish  # noqa: E402
from shoal.reports import FORMATS  # noqa: E402
from tests.integration.github_server import FakeGitHub  # noqa: E402

COMMIT = "0123456789abcdef0123456789abcdef01234567"  # a folder scan has no commit of its own


def main(workspace: Path, scan_id: str) -> None:
    report = workspace / "scans" / scan_id / "report"
    names = {fmt: name for fmt, (name, _) in FORMATS.items()}
    merged = {"scan_id": scan_id,
              "reports": {fmt: f"scans/{scan_id}/report/{name}" for fmt, name in names.items()},
              "report_sha256": {fmt: hashlib.sha256((report / name).read_bytes()).hexdigest()
                                for fmt, name in names.items()}}
    reports = Reports.load(workspace, merged)
    started = time.perf_counter()
    upload = prepare_sarif(reports.sarif)
    print(f"findings {len(reports.findings['findings'])}; SARIF {len(reports.sarif)} bytes -> gzip {upload.gzip_bytes} "
          f"bytes, base64 {len(upload.encoded)} chars, {upload.dropped} results dropped, "
          f"{time.perf_counter() - started:.2f} s to prepare")
    with FakeGitHub("ghs_bench") as server:
        client = GitHubClient("ghs_bench", server.url)
        started = time.perf_counter()
        result = publish(client, reports, GitHubTarget("acme", "widgets", COMMIT, "refs/heads/main"),
                         PublishOptions(mode="check", sarif=True))
        elapsed = time.perf_counter() - started
    print(f"check run + SARIF upload on loopback: {elapsed:.2f} s, {result['requests']} requests, "
          f"{result['check_run']['annotations']} annotations, errors {result['errors']}, "
          f"refused requests {len(server.violations)}, checkpointed result {len(json.dumps(result))} bytes")


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
