"""Benchmark: CPU time of the secrets pass alone over a corpus's text files (Django by default).

Reads every regular file under 1 MiB without NUL bytes once, then times, best of 5
(time.process_time), scan_secrets_with_values over all of them, and prints the detector count and
the findings by rule. Run it from two checkouts (PYTHONPATH=<checkout>/shared) to compare.

    python tests/benchmarks/secrets_bench.py [--corpus django|sympy] [--repeat 5]
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from shoal.secrets import SECRET_RULES  # noqa: E402
from shoal.secrets.scanner import scan_secrets_with_values  # noqa: E402
from tests.benchmarks.bench import CORPORA, ensure_corpus  # noqa: E402

MAX_BYTES = 1 << 20


def texts(corpus: Path) -> list[tuple[str, bytes]]:
    out = []
    for path in sorted(corpus.rglob("*")):
        if path.is_file() and not path.is_symlink() and path.stat().st_size <= MAX_BYTES:
            data = path.read_bytes()
            if b"\0" not in data[:8192]:
                out.append((str(path.relative_to(corpus)), data))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="django")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    files = texts(ensure_corpus(args.corpus))
    counts: collections.Counter[str] = collections.Counter()
    best = float("inf")
    for _ in range(args.repeat):
        counts.clear()
        start = time.process_time()
        for path, data in files:
            for finding, _value in scan_secrets_with_values(path, data):
                counts[finding.rule_id] += 1
        best = min(best, time.process_time() - start)
    megabytes = sum(len(d) for _, d in files) / 1e6
    print(f"{args.corpus}: {len(files)} files, {megabytes:.1f} MB, {len(SECRET_RULES)} detectors: "
          f"secrets pass {best:.3f} s CPU (best of {args.repeat}), {sum(counts.values())} findings")
    for rule, count in sorted(counts.items()):
        print(f"  {rule}: {count}")


if __name__ == "__main__":
    main()
