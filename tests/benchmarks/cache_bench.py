"""Repository cache benchmark: a fresh checkout versus a second scan after a small new commit.

Builds a real git repository from the Django 5.2.19 sdist in .bench/corpora with a few hundred
commits of history (git fast-import: one commit of the whole tree, then small edits), serves it
as a local repository (git's upload-pack over the file transport: the same negotiation a remote
server runs, without the network), then times the orchestrator's checkout step:

* fresh clone: no cache, what every scan paid before the cache;
* second scan: a first full scan (through the local engine) filled the cache and left its
  results snapshot, one more commit touching three files was pushed, then the second scan's
  checkout: objects seeded from the cache, only what is new fetched, and only the changed files
  exported (shoal.scan.incremental), the rest of the tree's results being reused.

Checkout is split in two: getting the objects onto local scratch (seeding from the cache,
fetching, updating the cache) and exporting (the whole working tree, or only what changed).
Both whole scans are timed too, to show what the second scan costs end to end.
Workspaces and the served repository live in /dev/shm.
Usage: python tests/benchmarks/cache_bench.py [--corpus PATH] [--commits N] [--rounds N]   (make bench-cache)
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "shared"))

from shoal.source import checkout as source  # noqa: E402
from shoal.config import Settings  # noqa: E402
from shoal.local.engine import LocalEngine, local_options  # noqa: E402
from shoal.scan.pipeline import ScanRequest, checkout_stage  # noqa: E402

_ENV = {
    "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": "/nonexistent", "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.com",
    "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.com", "LC_ALL": "C",
}


def _git(repo: Path, *args: str, data: bytes | None = None) -> str:
    done = subprocess.run(["git", f"--git-dir={repo}", *args], input=data, env=_ENV,
                          capture_output=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"git {args[0]} failed: {done.stderr.decode(errors='replace').strip()}")
    return done.stdout.decode()


def _files(corpus: Path) -> list[tuple[str, bytes, bool]]:
    out = []
    for path in sorted(p for p in corpus.rglob("*") if p.is_file() and not p.is_symlink()):
        out.append((path.relative_to(corpus).as_posix(), path.read_bytes(), os.access(path, os.X_OK)))
    return out


def _blob(path: str, data: bytes, executable: bool) -> bytes:
    mode = b"100755" if executable else b"100644"
    return b"M " + mode + b" inline " + path.encode() + b"\ndata %d\n" % len(data) + data + b"\n"


def _commit(number: int, message: str, changes: list[bytes], parent: bool) -> bytes:
    when = 1_700_000_000 + number * 600
    text = message.encode()
    head = (b"commit refs/heads/main\nmark :%d\ncommitter bench <bench@example.com> %d +0000\n"
            b"data %d\n%s\n" % (number, when, len(text), text))
    return head + (b"from :%d\n" % (number - 1) if parent else b"") + b"".join(changes)


def edited(files: list[tuple[str, bytes, bool]], number: int, count: int) -> list[bytes]:
    """`count` source files with one more line each: a typical small commit."""
    python = [f for f in files if f[0].endswith(".py")]
    picked = [python[(number * 7919 + i * 104729) % len(python)] for i in range(count)]
    return [_blob(path, data + b"# edit %d\n" % number, x) for path, data, x in picked]


def build_repository(corpus: Path, dest: Path, commits: int) -> Path:
    """A bare repository: the corpus as its first commit, then `commits - 1` small edits."""
    subprocess.run(["git", "init", "--bare", "--quiet", "-b", "main", str(dest)], env=_ENV, check=True)
    files = _files(corpus)
    stream = [_commit(1, "import", [_blob(p, d, x) for p, d, x in files], parent=False)]
    for number in range(2, commits + 1):
        stream.append(_commit(number, f"edit {number}", edited(files, number, 1 + number % 5), parent=True))
    _git(dest, "fast-import", "--quiet", data=b"".join(stream) + b"done\n")
    _git(dest, "repack", "-a", "-d", "--quiet")
    _git(dest, "config", "uploadpack.allowAnySHA1InWant", "true")
    return dest


def push_small_commit(repo: Path, number: int, corpus: Path) -> None:
    """One new commit on main touching three files, made in the served repository itself."""
    files = _files(corpus)
    parent = _git(repo, "rev-parse", "main").strip()
    stream = (b"commit refs/heads/main\ncommitter bench <bench@example.com> %d +0000\ndata 5\nsmall\n"
              b"from %s\n" % (1_800_000_000 + number, parent.encode())) + b"".join(edited(files, number, 3))
    _git(repo, "fast-import", "--quiet", data=stream + b"done\n")


@dataclass
class Timing:
    total: float = 0.0
    export: float = 0.0  # writing the working tree (or, incrementally, what changed) out of git's objects
    cpu: float = 0.0  # CPU seconds of this process and git, all of checkout: steadier on a busy machine

    @property
    def objects(self) -> float:
        """Getting the objects onto scratch: fetch, plus seeding from and updating the cache."""
        return self.total - self.export


def timed_checkout(repo: Path, workspace: Path, scan_id: str, cached: bool) -> tuple[Timing, dict]:
    """The orchestrator's checkout step itself (finding a results snapshot, fetching, exporting,
    writing the manifest), timed, with the export part timed on its own."""
    settings = Settings(workspace=str(workspace), repo_cache=cached, incremental=cached,
                        scratch=str(workspace.parent))
    timing = Timing()
    export = source._export_tree

    def timed_export(*args, **kwargs):  # type: ignore[no-untyped-def]
        began = time.perf_counter()
        try:
            return export(*args, **kwargs)
        finally:
            timing.export += time.perf_counter() - began

    source._export_tree = timed_export
    try:
        cpu = _cpu_seconds()
        start = time.perf_counter()
        summary = checkout_stage(ScanRequest(scan_id=scan_id, repository=str(repo), ref="main"), settings)
        timing.total = time.perf_counter() - start
        timing.cpu = _cpu_seconds() - cpu
    finally:
        source._export_tree = export
    return timing, summary


def full_scan(repo: Path, workspace: Path, scan_id: str) -> tuple[float, dict]:
    """A whole scan through the local engine (2 workers, rules and secrets on), timed."""
    engine = LocalEngine(2, {"SHOAL_WORKSPACE": str(workspace), "POWERTOOLS_LOG_LEVEL": "WARNING"})
    event = {"scan_id": scan_id, "repository": str(repo), "ref": "main",
             "options": {"workspace": str(workspace), "fail_on": "none", **local_options(2)}}
    start = time.perf_counter()
    summary = engine.run(event, "shoal-agent")
    if summary["partial"]:
        raise SystemExit(f"scan {scan_id} is partial (partitions {summary['failed_partitions']} failed): "
                         f"see {workspace / 'scans' / scan_id / 'report'}")
    return time.perf_counter() - start, summary


def _cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _line(label: str, runs: list[Timing]) -> str:
    total = statistics.median(t.total for t in runs)
    objects = statistics.median(t.objects for t in runs)
    export = statistics.median(t.export for t in runs)
    cpu = statistics.median(t.cpu for t in runs)
    return f"{label:<36} {objects:8.3f} s {export:8.3f} s {total:8.3f} s {cpu:8.3f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="a source tree (default: the Django 5.2.19 sdist, fetched "
                        "from PyPI into .bench/corpora by `make bench` or on first use)")
    parser.add_argument("--commits", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    if args.corpus is None:
        from bench import ensure_corpus  # the main benchmark's corpora, downloaded once

        args.corpus = ensure_corpus("django")
    if not args.corpus.is_dir():
        print(f"corpus {args.corpus} is not a folder: give an unpacked source tree")
        return 2
    base = Path("/dev/shm") if Path("/dev/shm").is_dir() else Path(tempfile.gettempdir())
    work = Path(tempfile.mkdtemp(prefix="shoal-cache-bench-", dir=base))
    try:
        start = time.perf_counter()
        repo = build_repository(args.corpus, work / "served.git", args.commits)
        pack = sum(p.stat().st_size for p in (repo / "objects" / "pack").glob("*.pack"))
        print(f"repository: {args.corpus.name}, {args.commits} commits, pack {pack / 1e6:.1f} MB "
              f"(built in {time.perf_counter() - start:.1f} s)")
        fresh: list[Timing] = []
        cached: list[Timing] = []
        scans: list[tuple[float, float, int, int]] = []
        for round_ in range(args.rounds):
            ws = work / f"ws{round_}"
            fresh.append(timed_checkout(repo, ws, "fresh", cached=False)[0])
            first_wall, first = full_scan(repo, ws, "first")  # fills the cache, leaves its results
            push_small_commit(repo, round_, args.corpus)
            timing, summary = timed_checkout(repo, ws, "second-checkout", cached=True)
            cached.append(timing)
            second_wall, second = full_scan(repo, ws, "second")
            if "incremental" not in summary or "reused" not in second:
                print("the second scan did not start from the first one's results: see the checkout manifest")
                return 1
            scans.append((first_wall, second_wall, second["files"], second["reused"]))
        print(f"medians of {args.rounds} rounds          {'objects':>10} {'export':>10} {'checkout':>10} {'cpu':>10}")
        print(_line("fresh clone (no cache)", fresh))
        print(_line("second scan, small commit (cache)", cached))
        ft, ct = statistics.median(t.total for t in fresh), statistics.median(t.total for t in cached)
        fo, co = statistics.median(t.objects for t in fresh), statistics.median(t.objects for t in cached)
        print(f"getting the source: {ft / ct:.1f}x less time with the cache (target >= 5x); "
              f"the objects alone: {fo / co:.1f}x")
        first_wall, second_wall = (statistics.median(s[i] for s in scans) for i in (0, 1))
        files, reused = scans[-1][2], scans[-1][3]
        print(f"whole scans (2 workers, rules and secrets): first {first_wall:.2f} s, second {second_wall:.2f} s "
              f"(x{first_wall / second_wall:.1f}; {files - reused} of {files} code files analysed, {reused} reused)")
        return 0 if ft / ct >= 5 else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
