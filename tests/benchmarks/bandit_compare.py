"""Shoal's Python security findings beside bandit's, on the same files, for the classes both cover.

A Shoal rule declares the bandit checks it corresponds to with `bandit:Bxxx` tags. Only bandit
results of those checks and Shoal findings of those rules are compared; a pair agrees when both
report the same class on the same file and line.

    python tests/benchmarks/bandit_compare.py <folder> [--examples N] [--json]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from shoal.analysis import parser  # noqa: E402
from shoal.rules.engine import RuleEngine  # noqa: E402
from shoal.rules.registry import RuleSet, builtin_rules  # noqa: E402

Key = tuple[str, int]  # (path relative to the folder, line)


def bandit_classes() -> dict[str, set[str]]:
    """bandit test id -> the Shoal rule ids that cover it."""
    classes: dict[str, set[str]] = defaultdict(set)
    for rule in builtin_rules():
        for tag in rule.tags:
            if tag.startswith("bandit:"):
                classes[tag.split(":", 1)[1]].add(rule.id)
    return classes


def run_bandit(folder: Path, tests: Sequence[str]) -> tuple[dict[str, set[Key]], float]:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "bandit", "-r", ".", "-f", "json", "-q", "-t", ",".join(sorted(tests))],
        cwd=folder, capture_output=True, text=True,
    )
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"bandit failed ({done.returncode}): {done.stderr[-2000:]}")
    found: dict[str, set[Key]] = defaultdict(set)
    for result in json.loads(done.stdout)["results"]:
        path = str(Path(result["filename"]).as_posix()).removeprefix("./")
        found[result["test_id"]].add((path, result["line_number"]))
    return found, seconds


def run_shoal(folder: Path, rule_ids: set[str]) -> tuple[dict[str, set[Key]], float]:
    rules = RuleSet(tuple(r for r in builtin_rules() if r.id in rule_ids))
    engine = RuleEngine(rules)
    found: dict[str, set[Key]] = defaultdict(set)
    start = time.perf_counter()
    for path in sorted(folder.rglob("*.py")):
        source = path.read_bytes()
        findings, _ = engine.run("python", parser.parse(source, "python"), source, path.relative_to(folder).as_posix())
        for finding in findings:
            found[finding.rule_id].add((finding.location.path, finding.location.start_line))
    return found, time.perf_counter() - start


def compare(folder: Path, examples: int) -> dict[str, Any]:
    classes = bandit_classes()
    bandit, bandit_seconds = run_bandit(folder, list(classes))
    shoal, shoal_seconds = run_shoal(folder, {r for ids in classes.values() for r in ids})
    rows = []
    for test_id, rule_ids in sorted(classes.items()):
        ours = set().union(*(shoal.get(r, set()) for r in rule_ids))
        theirs = bandit.get(test_id, set())
        rows.append({
            "bandit": test_id,
            "shoal_rules": sorted(rule_ids),
            "both": len(ours & theirs),
            "shoal_only": len(ours - theirs),
            "bandit_only": len(theirs - ours),
            "shoal_only_examples": [f"{p}:{n}" for p, n in sorted(ours - theirs)[:examples]],
            "bandit_only_examples": [f"{p}:{n}" for p, n in sorted(theirs - ours)[:examples]],
        })
    return {"folder": str(folder), "bandit_seconds": bandit_seconds, "shoal_seconds": shoal_seconds, "classes": rows}


def print_table(result: dict[str, Any]) -> None:
    print(f"\n== bandit vs Shoal on {result['folder']} "
          f"(bandit {result['bandit_seconds']:.1f} s, Shoal rules {result['shoal_seconds']:.1f} s, one process each)")
    print(f"  {'bandit':7} {'both':>5} {'shoal-only':>10} {'bandit-only':>11}  shoal rules")
    totals = [0, 0, 0]
    for row in result["classes"]:
        totals = [totals[0] + row["both"], totals[1] + row["shoal_only"], totals[2] + row["bandit_only"]]
        print(f"  {row['bandit']:7} {row['both']:5} {row['shoal_only']:10} {row['bandit_only']:11}  {', '.join(row['shoal_rules'])}")
    print(f"  {'total':7} {totals[0]:5} {totals[1]:10} {totals[2]:11}")
    for row in result["classes"]:
        for kind in ("shoal_only", "bandit_only"):
            if row[f"{kind}_examples"]:
                print(f"  {row['bandit']} {kind.replace('_', '-')}: {', '.join(row[f'{kind}_examples'])}")


def main() -> None:
    parser_ = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser_.add_argument("folder", type=Path)
    parser_.add_argument("--examples", type=int, default=3, help="disagreements to list per class")
    parser_.add_argument("--json", action="store_true")
    args = parser_.parse_args()
    result = compare(args.folder, args.examples)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print_table(result)


if __name__ == "__main__":
    main()
