"""The workspace layout of an exact-commit checkout, measured: candidates for issue 19 item 1.

Builds a git repository of the Django corpus of `make bench` (one commit), then, from its objects
(`git cat-file --batch`, as the checkout reads them), times on the ordinary disk:

* loose: every blob written to a file of its own, folders made as needed (today's export);
* blobs: every blob appended to one file, plus one JSON index of (path, offset, size) (the
  "few large files" layout: per partition it is one such pair);
* pack: no export at all; the readers ask git for each blob from the repository's packs.

For each it prints the workspace files and folders created, the export's seconds (no fsync in
either, as today's export does none), and the seconds to read every blob back as the agents would
(one reader; the page cache is warm in all three).
Usage: python tests/benchmarks/layout_bench.py [--corpus PATH] [--rounds N]
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
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from bench import filesystem_type  # this folder is on sys.path when the script runs

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / ".bench" / "corpora" / "django-5.2.19"
_ENV = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "GIT_CONFIG_NOSYSTEM": "1", "HOME": "/nonexistent",
        "GIT_AUTHOR_NAME": "b", "GIT_AUTHOR_EMAIL": "b@example.com", "GIT_COMMITTER_NAME": "b",
        "GIT_COMMITTER_EMAIL": "b@example.com"}

Entry = tuple[str, str, int]  # path, blob id, size


def _git(repo: Path, *args: str, data: bytes | None = None) -> bytes:
    return subprocess.run(["git", "-C", str(repo), "-c", "gc.auto=0", *args], input=data, env=_ENV, capture_output=True,
                          check=True).stdout


def build_repository(corpus: Path, repo: Path) -> list[Entry]:
    """One commit of the corpus, packed; its regular files as (path, oid, size)."""
    shutil.copytree(corpus, repo, symlinks=True)
    _git(repo, "init", "-q")
    _git(repo, "add", "-A", "-f")
    _git(repo, "commit", "-q", "-m", "corpus", "--no-verify")
    _git(repo, "repack", "-a", "-d", "-q")  # one pack, as the repository cache keeps it
    listed = _git(repo, "ls-tree", "-r", "-l", "-z", "HEAD").split(b"\0")
    entries: list[Entry] = []
    for record in filter(None, listed):
        meta, path = record.split(b"\t", 1)
        mode, kind, oid, size = meta.split()
        if kind == b"blob" and mode in (b"100644", b"100755"):
            entries.append((path.decode(), oid.decode(), int(size)))
    return entries


def blobs(repo: Path, entries: list[Entry]) -> Iterator[tuple[Entry, bytes]]:
    """Every entry's content, from one `git cat-file --batch` (ids written up front)."""
    proc = subprocess.Popen(["git", "-C", str(repo), "cat-file", "--batch", "--buffer"], env=_ENV,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert proc.stdin is not None and proc.stdout is not None
    stdin = proc.stdin

    def feed() -> None:  # from a thread: git's output would fill its pipe while we still write ids
        stdin.write(b"".join(oid.encode() + b"\n" for _, oid, _ in entries))
        stdin.close()

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    for entry in entries:
        size = int(proc.stdout.readline().split()[2])
        data = proc.stdout.read(size)
        proc.stdout.read(1)
        yield entry, data
    feeder.join()
    proc.wait()


def export_loose(repo: Path, entries: list[Entry], dest: Path) -> int:
    made: set[str] = set()
    for (path, _, _), data in blobs(repo, entries):
        target = os.path.join(dest, path)
        folder = os.path.dirname(target)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        os.write(fd, data)
        os.close(fd)
    return len(entries) + len(made)


def export_blobs(repo: Path, entries: list[Entry], dest: Path) -> int:
    dest.mkdir(parents=True)
    index: list[tuple[str, int, int]] = []
    offset = 0
    with open(dest / "tree.blobs", "wb") as out:
        for (path, _, _), data in blobs(repo, entries):
            out.write(data)
            index.append((path, offset, len(data)))
            offset += len(data)
    with open(dest / "tree.index.json", "wb") as out:
        out.write(json.dumps(index).encode())
    return 3


def read_loose(dest: Path, entries: list[Entry]) -> int:
    total = 0
    for path, _, _ in entries:
        with open(os.path.join(dest, path), "rb") as handle:
            total += len(handle.read())
    return total


def read_blobs(dest: Path, entries: list[Entry]) -> int:
    index = json.loads((dest / "tree.index.json").read_bytes())
    total = 0
    fd = os.open(dest / "tree.blobs", os.O_RDONLY)
    try:
        for _, offset, size in index:
            total += len(os.pread(fd, size, offset))
    finally:
        os.close(fd)
    return total


def read_pack(repo: Path, entries: list[Entry]) -> int:
    return sum(len(data) for _, data in blobs(repo, entries))


def _timed(work: Callable[[], int]) -> tuple[float, int]:
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"SKIP: {args.corpus} is missing: run `make bench` once to download it", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory(prefix="shoal-layout-", dir=os.environ.get("TMPDIR", "/var/tmp")) as tmp:
        work = Path(tmp)
        entries = build_repository(args.corpus, work / "repo")
        expected = sum(size for _, _, size in entries)
        print(f"{args.corpus.name}: {len(entries)} files, {expected / 1e6:.1f} MB; workspace on "
              f"{filesystem_type(str(work))}, medians of {args.rounds} rounds")
        figures: dict[str, list[tuple[float, float, int]]] = {"loose": [], "blobs": [], "pack": []}
        for round_ in range(args.rounds):
            for name in figures:
                figures[name].append(_one(name, work / "repo", entries, work / f"{name}-{round_}", expected))
        print(f"{'layout':8} {'files created':>14} {'export s':>9} {'read s':>7}")
        for name, rows in figures.items():
            export = statistics.median(r[0] for r in rows)
            read = statistics.median(r[1] for r in rows)
            print(f"{name:8} {rows[0][2]:>14} {export:>9.3f} {read:>7.3f}")
    return 0


def _one(name: str, repo: Path, entries: list[Entry], dest: Path, expected: int) -> tuple[float, float, int]:
    """(export seconds, read seconds, files created) of one layout, its files removed after."""
    if name == "loose":
        spent, created = _timed(lambda: export_loose(repo, entries, dest))
        read, got = _timed(lambda: read_loose(dest, entries))
    elif name == "blobs":
        spent, created = _timed(lambda: export_blobs(repo, entries, dest))
        read, got = _timed(lambda: read_blobs(dest, entries))
    else:
        spent, created = 0.0, 0
        read, got = _timed(lambda: read_pack(repo, entries))
    assert got == expected, (name, got, expected)
    shutil.rmtree(dest, ignore_errors=True)
    return spent, read, created


if __name__ == "__main__":
    raise SystemExit(main())
