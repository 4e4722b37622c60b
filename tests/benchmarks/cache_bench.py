"""Repository cache benchmark: a fresh checkout versus a second scan after a small new commit.

Builds a real git repository from the Django 5.2.19 sdist in .bench/corpora with a few hundred
commits of history (git fast-import: one commit of the whole tree, then small edits), serves it
as a local repository (git's upload-pack over the file transport: the same negotiation a remote
server runs, without the network), then times `shoal.source.checkout`:

* fresh: no cache, what every scan paid before the cache;
* cached: the cache filled by a first scan, one more commit pushed, then the second scan.

Times `checkout` split in two: getting the objects onto local scratch (seeding from the cache,
fetching, updating the cache: what the cache is for) and exporting the working tree (writing
every file of the tree out of git's objects, the same work with or without a cache).
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

from shoal import repocache  # noqa: E402
from shoal import source  # noqa: E402
from shoal.source import checkout, parse_repository  # noqa: E402

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
    export: float = 0.0  # writing the working tree out of git's objects: the same work either way
    cpu: float = 0.0  # CPU seconds of this process and git, all of checkout: steadier on a busy machine

    @property
    def objects(self) -> float:
        """Getting the objects onto scratch: fetch, plus seeding from and updating the cache."""
        return self.total - self.export


def timed_checkout(repo: Path, work: Path, cache: repocache.RepoCache | None) -> Timing:
    work.mkdir(parents=True, exist_ok=True)
    dest, scratch = work / "src", Path(tempfile.mkdtemp(dir=work))
    spec = parse_repository(str(repo))
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
        checkout(spec, "main", dest, scratch, cache=cache)
        timing.total = time.perf_counter() - start
        timing.cpu = _cpu_seconds() - cpu
    finally:
        source._export_tree = export
        shutil.rmtree(scratch, ignore_errors=True)
    return timing


def _cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _line(label: str, runs: list[Timing]) -> str:
    total = statistics.median(t.total for t in runs)
    objects = statistics.median(t.objects for t in runs)
    export = statistics.median(t.export for t in runs)
    cpu = statistics.median(t.cpu for t in runs)
    return f"{label:<34} {objects:8.3f} s {export:8.3f} s {total:8.3f} s {cpu:8.3f} s"


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
        first: list[Timing] = []
        stats = []
        for round_ in range(args.rounds):
            ws = work / f"ws{round_}"
            fresh.append(timed_checkout(repo, ws / "fresh", None))
            cache = repocache.RepoCache.for_repository(ws, parse_repository(str(repo)))
            first.append(timed_checkout(repo, ws / "first", cache))  # fills the cache
            push_small_commit(repo, round_, args.corpus)
            cached.append(timed_checkout(repo, ws / "second", cache))
            stats.append(cache.describe())
        print(f"medians of {args.rounds} rounds        {'objects':>10} {'export':>10} {'checkout':>10} {'cpu':>10}")
        print(_line("fresh (no cache)", fresh))
        print(_line("first scan (fills the cache)", first))
        print(_line("second scan, small commit (cache)", cached))
        fo, co = statistics.median(t.objects for t in fresh), statistics.median(t.objects for t in cached)
        ft, ct = statistics.median(t.total for t in fresh), statistics.median(t.total for t in cached)
        print(f"getting the objects: {fo / co:.1f}x faster with the cache (target >= 5x); "
              f"whole checkout incl. writing the {args.corpus.name} tree: {ft / ct:.1f}x")
        print(f"cache after the second scan: {stats[-1]}")
        return 0 if fo / co >= 5 else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
