"""What taint tracking costs the agents: CPU of analysing every Python file of a folder in one
process, metrics only, with the security rules but no taint, and with both (alternating rounds).

    python tests/benchmarks/taint_cost.py <folder> [--rounds N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from shoal.scan.agent import FileChecks, analyse_file
from shoal.config import Thresholds
from shoal.models import SourceFile
from shoal.rules.engine import RuleEngine
from shoal.rules.registry import RuleSet, builtin_rules
from shoal.scan.security import FindingPolicy


class NoTaint(RuleEngine):
    def _taint_spec(self, language: str) -> None:
        return None


def cpu(root: Path, files: list[str], engine: RuleEngine | None) -> float:
    checks = FileChecks(Thresholds(), engine, FindingPolicy())
    started = time.process_time()
    for path in files:
        analyse_file(root, SourceFile(path, "python", 1), checks)
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    if not args.folder.is_dir():
        sys.exit(f"error: {args.folder} is not a folder")
    files = sorted(p.relative_to(args.folder).as_posix() for p in args.folder.rglob("*.py"))
    rules = RuleSet(builtin_rules())
    for round_ in range(1, args.rounds + 1):
        metrics = cpu(args.folder, files, None)
        plain = cpu(args.folder, files, NoTaint(rules))
        taint = cpu(args.folder, files, RuleEngine(rules))
        print(f"round {round_}: {len(files)} files, agent CPU metrics only {metrics:.2f} s, "
              f"security without taint {plain:.2f} s (x{plain / metrics:.2f}), with taint {taint:.2f} s "
              f"(x{taint / metrics:.2f})")


if __name__ == "__main__":
    main()
