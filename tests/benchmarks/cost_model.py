"""Measure the agent's analysis cost per language, for planning.py's cost model.

Analyses every file the inventory keeps under the given folders, as an agent does (parse, rules,
metrics, secrets), and prints per language: files, MB, CPU seconds and microseconds per KB, plus
the CPU time of one small file (the fixed cost per file). CPU time, not wall time: other work on
a shared machine must not inflate the figures.

    python tests/benchmarks/cost_model.py .bench/corpora/django-5.2.19 .bench/corpora/sympy-1.14.0 ...
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "shared"))

from shoal.scan.agent import FileChecks, analyse_file  # noqa: E402
from shoal.config import Thresholds  # noqa: E402
from shoal.source.inventory import build_inventory  # noqa: E402
from shoal.repoconfig import RepoConfig  # noqa: E402
from shoal.scan.security import FindingPolicy, engine_for  # noqa: E402

SMALL_FILE_BYTES = 1024


def measure(folders: list[Path]) -> None:
    seconds: dict[str, float] = defaultdict(float)
    sizes: dict[str, int] = defaultdict(int)
    counts: dict[str, int] = defaultdict(int)
    small: list[float] = []
    for folder in folders:
        repo = RepoConfig()
        checks = FileChecks(Thresholds(), engine_for(str(folder), repo), FindingPolicy.from_repo(repo))
        for source_file in build_inventory(folder, text_files=True).files:
            start = time.process_time()
            try:
                analyse_file(folder, source_file, checks)
            except (OSError, ValueError):
                continue
            spent = time.process_time() - start
            seconds[source_file.language] += spent
            sizes[source_file.language] += source_file.bytes
            counts[source_file.language] += 1
            if source_file.bytes < SMALL_FILE_BYTES:
                small.append(spent)
    print(f"{'language':<12}{'files':>8}{'MB':>9}{'cpu s':>9}{'us/KB':>9}")
    for language in sorted(seconds, key=lambda name: -sizes[name]):
        per_kb = seconds[language] / max(sizes[language], 1) * 1024 * 1e6
        print(f"{language:<12}{counts[language]:>8}{sizes[language] / 2**20:>9.2f}{seconds[language]:>9.2f}{per_kb:>9.1f}")
    if small:
        print(f"median cpu time of a file under {SMALL_FILE_BYTES} bytes: {statistics.median(small) * 1e6:.0f} us")


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("folders", nargs="+", type=Path)
    measure(arguments.parse_args().folders)


if __name__ == "__main__":
    main()
