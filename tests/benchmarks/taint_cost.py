"""What taint tracking costs the agents: CPU of analysing every Python file of a folder in one
process, metrics only, with the security rules but no taint, and with both (alternating rounds);
and the CPU spent inside the taint analysis itself in the last pass (steadier than the difference
of two passes on a shared machine).

    python tests/benchmarks/taint_cost.py <folder> [--rounds N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from shoal.scan.agent import FileChecks, analyse_files
from shoal.analysis import taint
from shoal.analysis.taint.repository import Repository
from shoal.config import Thresholds
from shoal.models import SourceFile
from shoal.rules.engine import RuleEngine
from shoal.rules.registry import RuleSet, builtin_rules
from shoal.scan.security import FindingPolicy


class NoTaint(RuleEngine):
    def _taint_spec(self, language: str) -> None:
        return None


def _checks(root: Path, files: list[str], engine: RuleEngine | None) -> FileChecks:
    """An agent's checks with `engine`; with an engine, the corpus's files as an agent has them,
    for calls into functions of other files."""
    repository = Repository(dict.fromkeys(files, "python"), lambda path: (root / path).read_bytes()) \
        if engine is not None else None
    return FileChecks(Thresholds(), engine, FindingPolicy(), repository=repository)


def cpu(root: Path, files: list[str], engine: RuleEngine | None, inside: list[float] | None = None) -> float:
    """CPU seconds of the agent over `files`; the part spent in taint.analyse is added to `inside`."""
    checks = _checks(root, files, engine)
    analyse = taint.analyse

    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return analyse(*args, **kwargs)
        finally:
            if inside is not None:
                inside[0] += time.process_time() - started

    taint.analyse = timed  # the engine looks it up on the module at each file
    try:
        started = time.process_time()
        for _ in analyse_files(root, [SourceFile(path, "python", 1) for path in files], checks):
            pass
        return time.process_time() - started
    finally:
        taint.analyse = analyse


MODES = ("metrics", "rules", "taint")
CHUNK = 50  # files per turn of the interleaved passes


def interleaved_cpu(root: Path, files: list[str], chunk: int = CHUNK) -> dict[str, float]:
    """CPU seconds of the agent over `files` metrics only, with the rules but no taint, and with
    both: the three passes take turns every `chunk` files, in a rotating order, so a host that
    slows down for a few seconds (as these shared machines do, by up to a factor of two) weighs on
    the three alike rather than on whichever pass it fell in. Each pass keeps its own engine and
    cross-file state for the whole run, as one agent would."""
    rules = RuleSet(builtin_rules())
    engines = {"metrics": None, "rules": NoTaint(rules), "taint": RuleEngine(rules)}
    checks = {mode: _checks(root, files, engine) for mode, engine in engines.items()}
    spent = dict.fromkeys(MODES, 0.0)
    for turn, start in enumerate(range(0, len(files), chunk)):
        for mode in MODES[turn % 3:] + MODES[:turn % 3]:
            started = time.process_time()
            for _ in analyse_files(root, [SourceFile(path, "python", 1) for path in files[start:start + chunk]],
                                   checks[mode]):
                pass  # as an agent analyses its files (secrets in batches)
            spent[mode] += time.process_time() - started
    return spent


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
        inside = [0.0]
        with_taint = cpu(args.folder, files, RuleEngine(rules), inside)
        print(f"round {round_}: {len(files)} files, agent CPU metrics only {metrics:.2f} s, "
              f"security without taint {plain:.2f} s (x{plain / metrics:.2f}), with taint {with_taint:.2f} s "
              f"(x{with_taint / metrics:.2f}), of which in the taint analysis {inside[0]:.2f} s "
              f"(x{(plain + inside[0]) / plain:.2f} the rules alone)")


if __name__ == "__main__":
    main()
