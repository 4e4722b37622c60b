"""Benchmark: CPU cost of the secret redaction passes on a real scan's results (Django by default).

Scans the corpus once, then times, best of 5 (time.process_time), the agents' pass over every
text (detectors, hashing, redaction) with no value known and with the scan's own secret values,
and the merge's pass with their hashes.

    python tests/benchmarks/redaction_bench.py [--corpus django|sympy]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from shoal.scan.agent import redact_partition  # noqa: E402
from shoal.models import FileMetrics, Finding  # noqa: E402
from shoal.secrets.redaction import FileSecrets, Redactor, redact_results  # noqa: E402
from tests.benchmarks.bench import CORPORA, ensure_corpus, workspace_root  # noqa: E402

KEY = "ab" * 32


def best_cpu(work: Callable[[], object], repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def scan(corpus: Path, workspace: Path) -> Path:
    from shoal.local.engine import LocalEngine, local_options

    engine = LocalEngine(2, {"SHOAL_WORKSPACE": str(workspace), "POWERTOOLS_LOG_LEVEL": "WARNING"})
    event = {"scan_id": "bench", "repository": str(corpus), "ref": None,
             "options": {"workspace": str(workspace), "fail_on": "none", **local_options(2)}}
    summary = engine.run(event, "shoal-agent")
    return workspace / summary["reports"]["json"]


def secret_values(report: dict, src: Path) -> dict[str, list[bytes]]:
    """The raw values of the report's secret findings, read back from the checked-out source."""
    values: dict[str, list[bytes]] = {}
    for finding in report["findings"]:
        if finding["rule_id"].startswith("secrets/"):
            where = finding["location"]
            line = (src / where["path"]).read_bytes().split(b"\n")[where["start_line"] - 1].decode()
            values.setdefault(where["path"], []).append(line[where["start_col"] - 1:where["end_col"] - 1].encode())
    return values


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="django")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="shoal-redact-", dir=workspace_root()) as folder:
        workspace = Path(folder)
        report = json.loads(scan(ensure_corpus(args.corpus), workspace).read_bytes())
        values = secret_values(report, workspace / "scans" / "bench" / "src")
    keys = ("path", "language", "bytes", "lines", "parse_errors", "functions")
    files = [FileMetrics.from_dict({k: f[k] for k in keys}) for f in report["files"]]
    findings = [Finding.from_dict(f) for f in report["findings"]]
    hashes = redact_partition(KEY, files, findings, [], {p: list(v) for p, v in values.items()})[3]

    def merge() -> None:
        redactor = Redactor(KEY)
        for hashed in hashes.values():
            redactor.add(FileSecrets.from_dict(hashed.to_dict()))
        redact_results(redactor, files, findings, [])

    print(f"{args.corpus}: {len(files)} files, {sum(len(f.functions) for f in files)} function names, "
          f"{len(findings)} findings, {sum(map(len, values.values()))} secret values")
    print(f"agents' pass, no value known:   {best_cpu(lambda: redact_partition(KEY, files, findings, [], {})):.3f} s CPU")
    agents = best_cpu(lambda: redact_partition(KEY, files, findings, [], {p: list(v) for p, v in values.items()}))
    print(f"agents' pass, the values known: {agents:.3f} s CPU")
    print(f"merge's pass, their hashes:     {best_cpu(merge):.3f} s CPU")


if __name__ == "__main__":
    main()
