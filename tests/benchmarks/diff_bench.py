"""Benchmark: a pull-request (diff) scan against a full scan of the same repository, in one run.

Builds a git repository from the SymPy 1.14.0 sdist (commit 1 on `main`), changes 10 Python files
on a branch (commit 2), then, in this one process, scans the branch in full with 2 workers (what
`shoal scan --workers 2` does) and as a diff against `main` (what `shoal scan --base main` does:
touched files only, inline fan-out), alternating, `--repeat` times. Prints the median wall time
of each, the time spent getting the repository inside it (scratch repository, git fetch, the
repository cache when enabled: shown separately, as the issue asks), and the ratio of the scan
times without it. Exporting the files and computing the diff count as scan time.

    python tests/benchmarks/diff_bench.py [--corpus sympy] [--repeat 5] [--files 10]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "shared"))

from tests.benchmarks.bench import ensure_corpus, workspace_root  # noqa: E402

TARGET_RATIO = 0.05
GIT_ENV = {"GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.com", "GIT_COMMITTER_NAME": "bench",
           "GIT_COMMITTER_EMAIL": "bench@example.com", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, **GIT_ENV}
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True, env=env).stdout


def build_repository(corpus: Path, where: Path, files: int) -> tuple[Path, list[str]]:
    """`main`: the sdist as one commit; `change`: `files` Python files edited (a function added
    at the end, a line changed in the middle), as a typical pull request does."""
    repo = where / "repo"
    shutil.copytree(corpus, repo, symlinks=True)
    git(repo, "init", "--quiet", "--initial-branch=main")
    git(repo, "add", "--all", "--force")
    git(repo, "commit", "--quiet", "--no-verify", "-m", "sdist")
    git(repo, "checkout", "--quiet", "-b", "change")
    candidates = sorted(p for p in git(repo, "ls-files", "*.py").splitlines()
                        if "/tests/" not in p and 4_000 < (repo / p).stat().st_size < 40_000)
    step = max(1, len(candidates) // files)
    chosen = candidates[::step][:files]
    for index, path in enumerate(chosen):
        target = repo / path
        lines = target.read_text("utf-8").splitlines(keepends=True)
        middle = len(lines) // 2
        lines.insert(middle, f"# reviewed in change {index}\n")
        lines.append(f"\n\ndef _bench_added_{index}(command):\n    import subprocess\n"
                     f"    return subprocess.call(command, shell=True)\n")
        target.write_text("".join(lines), "utf-8")
    git(repo, "commit", "--quiet", "--no-verify", "-am", f"change {files} files")
    return repo, chosen


class FetchClock:
    """Adds up the time checkouts spend getting the repository (scratch repository, git fetch, the
    repository cache when there is one): the whole of `source.checkout` but the export of files
    and the diff, which are the scan's own work."""

    def __init__(self) -> None:
        self.seconds = 0.0
        from shoal.source import changes
        from shoal.source import checkout as source

        self._wrap(source, "checkout", +1)
        self._wrap(source, "_export_tree", -1)
        self._wrap(changes, "diff", -1)

    def _wrap(self, module: Any, name: str, sign: int) -> None:
        original = getattr(module, name)
        clock = self

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                clock.seconds += sign * (time.perf_counter() - start)

        setattr(module, name, timed)
        if name == "checkout":  # the acquisition imported it by name
            from shoal.source import acquisition

            acquisition.checkout = timed  # type: ignore[attr-defined]


def scan(repo: Path, workspace: Path, *, diff: bool, workers: int, clock: FetchClock) -> dict[str, Any]:
    from shoal.local.engine import LocalEngine, local_options

    options: dict[str, Any] = {"workspace": str(workspace), "fail_on": "none", **local_options(workers)}
    event: dict[str, Any] = {"scan_id": "diff" if diff else "full", "repository": str(repo), "ref": "change",
                             "options": options}
    if diff:
        event["base"] = "main"
        options["fanout"] = "inline"  # what `shoal scan --base` chooses
    # The checkout stays in this process, where the clock sees it (no early checkout in a worker).
    engine = LocalEngine(workers, {"SHOAL_WORKSPACE": str(workspace), "POWERTOOLS_LOG_LEVEL": "WARNING"}, early=False)
    clock.seconds = 0.0
    start = time.perf_counter()
    summary = engine.run(event, "shoal-agent")
    wall = time.perf_counter() - start
    return {"wall": wall, "fetch": clock.seconds, "summary": summary}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default="sympy", choices=("sympy", "django"))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--files", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--warm", action="store_true",
                        help="scan into one workspace, so its repository cache is warm after the first scan")
    args = parser.parse_args()
    os.environ.setdefault("POWERTOOLS_LOG_LEVEL", "WARNING")
    import logging

    for name in ("aws_durable_execution_sdk_python", "aws_durable_execution_sdk_python_testing"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    corpus = ensure_corpus(args.corpus)
    where = Path(tempfile.mkdtemp(prefix="shoal-diff-bench-", dir=workspace_root()))
    try:
        repo, chosen = build_repository(corpus, where, args.files)
        clock = FetchClock()
        rounds: dict[str, list[dict[str, Any]]] = {"full": [], "diff": []}
        for round_index in range(args.repeat):
            for kind in ("full", "diff"):
                # --warm keeps one workspace (and its repository cache, when enabled) for every scan.
                workspace = where / ("ws" if args.warm else f"ws-{kind}-{round_index}")
                rounds[kind].append(scan(repo, workspace, diff=kind == "diff", workers=args.workers, clock=clock))
                if not args.warm:
                    shutil.rmtree(workspace, ignore_errors=True)
        report(args, chosen, rounds)
    finally:
        shutil.rmtree(where, ignore_errors=True)


def report(args: argparse.Namespace, chosen: list[str], rounds: dict[str, list[dict[str, Any]]]) -> None:
    def median(kind: str, key: str) -> float:
        return statistics.median(r[key] for r in rounds[kind])

    full_wall, full_fetch = median("full", "wall"), median("full", "fetch")
    diff_wall, diff_fetch = median("diff", "wall"), median("diff", "fetch")
    full_scan = statistics.median(r["wall"] - r["fetch"] for r in rounds["full"])
    diff_scan = statistics.median(r["wall"] - r["fetch"] for r in rounds["diff"])
    last_full, last_diff = rounds["full"][-1]["summary"], rounds["diff"][-1]["summary"]
    ratio = diff_scan / full_scan
    print(f"corpus {args.corpus}: {len(chosen)} files changed on branch 'change' (median of {args.repeat} rounds, "
          f"{args.workers} workers for the full scan, inline for the diff scan, "
          f"{'one workspace' if args.warm else 'a fresh workspace per scan'})")
    print(f"{'scan':6} {'files':>6} {'findings':>9} {'wall s':>8} {'fetch s':>12} {'scan s (no fetch)':>18}")
    print(f"{'full':6} {last_full['files']:>6} {sum(last_full['findings'].values()):>9} {full_wall:>8.3f} "
          f"{full_fetch:>12.3f} {full_scan:>18.3f}")
    print(f"{'diff':6} {last_diff['files']:>6} {sum(last_diff['findings'].values()):>9} {diff_wall:>8.3f} "
          f"{diff_fetch:>12.3f} {diff_scan:>18.3f}")
    print(f"diff/full scan time without fetch: {ratio:.1%} (target at most {TARGET_RATIO:.0%}); "
          f"with fetch: {diff_wall / full_wall:.1%}")
    print(json.dumps({"full": {"wall": full_wall, "fetch": full_fetch}, "diff": {"wall": diff_wall, "fetch": diff_fetch},
                      "ratio_without_fetch": ratio, "diff_summary": last_diff.get("diff")}))


if __name__ == "__main__":
    main()
