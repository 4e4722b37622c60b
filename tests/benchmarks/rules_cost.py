"""CPU seconds of the rules pass on one corpus's Python files, parsed once beforehand: the
metrics query alone, then the rules, taint rules included (with the metrics in the same pass, as
scans run them), and the secrets scanner. CPU time, not wall time: on a shared machine it is the figure that holds.

    PYTHONPATH=shared python tests/benchmarks/rules_cost.py [--corpus django] [--rounds 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from shoal.analysis import parser
from shoal.rules.engine import RuleEngine
from shoal.rules.registry import RuleSet, builtin_rules
from shoal.secrets import scan_secrets
from tests.benchmarks.bench import CORPORA, ensure_corpus


def measure(root: Path, rounds: int) -> tuple[int, float, float, int]:
    """Files, best metrics-only seconds, best rules+metrics+secrets seconds, findings."""
    trees = []
    for path in sorted(root.rglob("*.py")):
        source = path.read_bytes()
        trees.append((str(path.relative_to(root)), source, parser.parse(source, "python")))
    best_metrics = best_rules = float("inf")
    findings = 0
    for _ in range(rounds):
        start = time.process_time()
        for _, _, tree in trees:
            parser.captures("python", tree.root_node)
        best_metrics = min(best_metrics, time.process_time() - start)
        engine = RuleEngine(RuleSet(builtin_rules()))
        engine.prepare(["python"])
        start = time.process_time()
        findings = 0
        for path, source, tree in trees:
            findings += len(engine.run_with_metrics("python", tree, source, path)[0])
            scan_secrets(path, source)
        best_rules = min(best_rules, time.process_time() - start)
    return len(trees), best_metrics, best_rules, findings


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--corpus", choices=sorted(CORPORA), default="django")
    options.add_argument("--rounds", type=int, default=3)
    args = options.parse_args()
    files, metrics, rules, findings = measure(ensure_corpus(args.corpus), args.rounds)
    print(f"{args.corpus}: {files} Python files; metrics-only {metrics:.2f} s CPU; rules+taint+metrics+secrets "
          f"{rules:.2f} s CPU (x{rules / metrics:.2f}); {findings} findings (best of {args.rounds})")


if __name__ == "__main__":
    main()
