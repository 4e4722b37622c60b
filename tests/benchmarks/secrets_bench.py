"""Benchmark: CPU time of the secrets pass alone over a corpus's text files (Django by default).

Reads every regular file under 1 MiB without NUL bytes once, then times, best of 5
(time.process_time), scan_secrets_with_values over all of them, and prints the detector count and
the findings by rule. `--against <checkout>` times that checkout's detectors too, alternating
runs with this one's in separate processes, and prints the ratio (the budget: at most 1.10).

    python tests/benchmarks/secrets_bench.py [--corpus django|sympy] [--repeat 5] [--against ../main]
"""

from __future__ import annotations

import argparse
import collections
import os
import subprocess
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


def best_time(files: list[tuple[str, bytes]], repeat: int) -> tuple[float, collections.Counter[str]]:
    counts: collections.Counter[str] = collections.Counter()
    best = float("inf")
    for _ in range(repeat):
        counts.clear()
        start = time.process_time()
        for path, data in files:
            for finding, _value in scan_secrets_with_values(path, data):
                counts[finding.rule_id] += 1
        best = min(best, time.process_time() - start)
    return best, counts


def _seconds_of(checkout: Path | None, corpus: str, repeat: int) -> float:
    """One timing in a process of its own, with `checkout`'s shared/ first on the path."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str((checkout or ROOT) / "shared"), str(ROOT)])}
    out = subprocess.run([sys.executable, __file__, "--corpus", corpus, "--repeat", str(repeat), "--seconds"],
                         env=env, capture_output=True, text=True, check=True).stdout
    return float(out.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="django")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--against", type=Path, help="another checkout whose secrets pass to time alongside")
    parser.add_argument("--seconds", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    files = texts(ensure_corpus(args.corpus))
    if args.seconds:
        print(f"{best_time(files, args.repeat)[0]:.6f}")
        return
    best, counts = best_time(files, args.repeat)
    megabytes = sum(len(d) for _, d in files) / 1e6
    print(f"{args.corpus}: {len(files)} files, {megabytes:.1f} MB, {len(SECRET_RULES)} detectors: "
          f"secrets pass {best:.3f} s CPU (best of {args.repeat}), {sum(counts.values())} findings")
    if args.against is not None:
        ours, theirs = [], []
        for _ in range(3):  # alternated, so a busy moment of the machine hits both
            ours.append(_seconds_of(None, args.corpus, args.repeat))
            theirs.append(_seconds_of(args.against.resolve(), args.corpus, args.repeat))
        print(f"  against {args.against}: {min(theirs):.3f} s; this checkout / that one = "
              f"{min(ours) / min(theirs):.2f}")
    for rule, count in sorted(counts.items()):
        print(f"  {rule}: {count}")


if __name__ == "__main__":
    main()
