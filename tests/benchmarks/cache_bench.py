"""Repository cache benchmark: a fresh checkout versus a second scan after a small new commit.

Builds a real git repository from the Django 5.2.19 sdist in .bench/corpora with a few hundred
commits of history (git fast-import: one commit of the whole tree, then small edits), serves it
as a local repository (git's upload-pack over the file transport: the same negotiation a remote
server runs, without the network), then times `shoal.source.checkout`:

* fresh: no cache, what every scan paid before the cache;
* cached: the cache filled by a first scan, one more commit pushed, then the second scan.

Only source acquisition is timed (fetch + export of the working tree), in /dev/shm workspaces.
Usage: python tests/benchmarks/cache_bench.py [--corpus PATH] [--commits N] [--rounds N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "shared"))

from shoal import repocache  # noqa: E402
from shoal.source import checkout, parse_repository  # noqa: E402

DEFAULT_CORPUS = ROOT / ".bench" / "corpora" / "django-5.2.19"
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


def timed_checkout(repo: Path, work: Path, cache: repocache.RepoCache | None) -> float:
    work.mkdir(parents=True, exist_ok=True)
    dest, scratch = work / "src", Path(tempfile.mkdtemp(dir=work))
    spec = parse_repository(str(repo))
    start = time.perf_counter()
    checkout(spec, "main", dest, scratch, cache=cache)
    elapsed = time.perf_counter() - start
    shutil.rmtree(scratch, ignore_errors=True)
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--commits", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"corpus {args.corpus} is missing: unpack the Django sdist there (make bench fetches it)")
        return 2
    base = Path("/dev/shm") if Path("/dev/shm").is_dir() else Path(tempfile.gettempdir())
    work = Path(tempfile.mkdtemp(prefix="shoal-cache-bench-", dir=base))
    try:
        start = time.perf_counter()
        repo = build_repository(args.corpus, work / "served.git", args.commits)
        pack = sum(p.stat().st_size for p in (repo / "objects" / "pack").glob("*.pack"))
        print(f"repository: {args.corpus.name}, {args.commits} commits, pack {pack / 1e6:.1f} MB "
              f"(built in {time.perf_counter() - start:.1f} s)")
        fresh, cached, stats = [], [], []
        for round_ in range(args.rounds):
            ws = work / f"ws{round_}"
            fresh.append(timed_checkout(repo, ws / "fresh", None))
            cache = repocache.RepoCache.for_repository(ws, parse_repository(str(repo)))
            timed_checkout(repo, ws / "first", cache)  # fills the cache
            push_small_commit(repo, round_, args.corpus)
            cached.append(timed_checkout(repo, ws / "second", cache))
            stats.append(cache.describe())
        f, c = statistics.median(fresh), statistics.median(cached)
        print(f"fresh checkout (no cache):              median {f:.3f} s  {['%.3f' % t for t in fresh]}")
        print(f"second scan after a small commit (hit): median {c:.3f} s  {['%.3f' % t for t in cached]}")
        print(f"speed-up: {f / c:.1f}x (target >= 5x)")
        print(f"cache after the second scan: {stats[-1]}")
        return 0 if f / c >= 5 else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
