"""What the Split layout's hand-over costs a scan: the checkout's tree archived and put in the
transfer bucket by the orchestrator, then fetched and unpacked by the workspace function, against
copying the same tree folder to folder (what the NAT layouts' checkout writes instead).

    python tests/benchmarks/transfer_bench.py <tree> [--repeat 3]

S3 is the in-memory one of the tests (tests/s3fake.py: a real boto3 client, no network), so the
figures are the archive's CPU and disk cost, not S3's transfer time.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from shoal.scan.transfer import get_folder, put_folder
from tests.s3fake import FakeS3


def _tree_size(root: Path) -> tuple[int, int]:
    files = [p for p in root.rglob("*") if p.is_file() and not p.is_symlink()]
    return len(files), sum(p.stat().st_size for p in files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tree", type=Path, help="a folder to hand over (a checkout's src/)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    if not args.tree.is_dir():
        print(f"error: {args.tree} is not a folder", file=sys.stderr)
        return 2
    files, size = _tree_size(args.tree)
    put, get, copy, archive = [], [], [], 0
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as scratch:
            into, copied = Path(scratch) / "in", Path(scratch) / "copy"
            s3 = FakeS3()
            start = time.perf_counter()
            ref = put_folder(s3.client(), "transfer", "k", args.tree.resolve().parent, [args.tree.resolve().name])
            put.append(time.perf_counter() - start)
            start = time.perf_counter()
            get_folder(s3.client(), ref, into)
            get.append(time.perf_counter() - start)
            start = time.perf_counter()
            shutil.copytree(args.tree, copied, symlinks=True)
            copy.append(time.perf_counter() - start)
            archive = ref.size
    hand_over, plain = statistics.median(put) + statistics.median(get), statistics.median(copy)
    print(f"tree: {files:,} files, {size / 1e6:.1f} MB; archive {archive / 1e6:.1f} MB ({archive / size:.0%})")
    print(f"pack and put (orchestrator):    {statistics.median(put):6.2f} s")
    print(f"get and unpack (workspace fn):  {statistics.median(get):6.2f} s")
    print(f"plain copy of the tree:         {plain:6.2f} s")
    print(f"hand-over / plain copy:         x{hand_over / plain:.2f}  (median of {args.repeat})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
