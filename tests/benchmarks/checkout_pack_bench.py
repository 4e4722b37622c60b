"""Shoal's own checkout, loose tree against the packed layout (issue 19 item 2), on one repository.

Runs `shoal.source.checkout.checkout` on a local git repository with `pack=False` (one workspace
file per source file, as diff and incremental scans still export) and `pack=True` (one blob file
and an index, what a full scan exports), alternating, and prints each one's median seconds, the
files and folders it left in the scan folder, and the ratio of the two.
Usage: python tests/benchmarks/checkout_pack_bench.py REPOSITORY [--rounds N]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from shoal.source.checkout import checkout
from shoal.source.specs import parse_repository


def _once(repository: str, pack: bool) -> tuple[float, int, int]:
    """Seconds, files exported and entries left in the scan folder, for one checkout."""
    root = Path(tempfile.mkdtemp(prefix="shoal-pack-bench-"))
    try:
        started = time.perf_counter()
        result = checkout(parse_repository(repository), None, root / "scan" / "src", root / "scratch", pack=pack)
        seconds = time.perf_counter() - started
        return seconds, result.files, sum(1 for _ in (root / "scan").rglob("*"))
    finally:
        shutil.rmtree(root, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("repository", help="a local git repository (its HEAD is checked out)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    seconds: dict[bool, list[float]] = {False: [], True: []}
    counts: dict[bool, tuple[int, int]] = {}
    for _ in range(max(1, args.rounds)):
        for pack in (False, True):
            took, files, entries = _once(args.repository, pack)
            seconds[pack].append(took)
            counts[pack] = (files, entries)
    for pack, name in ((False, "loose tree"), (True, "pack + index")):
        files, entries = counts[pack]
        print(f"{name:>12}: {statistics.median(seconds[pack]):.2f} s (median of {args.rounds}), "
              f"{files} files exported, {entries} files and folders in the scan folder")
    print(f"pack / loose: {statistics.median(seconds[True]) / statistics.median(seconds[False]):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
