"""Shoal's Python security findings beside bandit's, on the same files, for the classes both cover.

A Shoal rule declares the bandit checks it corresponds to with `bandit:Bxxx` tags. Rules and checks
linked by tags form classes (eval and exec are B307 and B102 to bandit, one rule to Shoal); only
those classes are compared, and a finding agrees when the other tool reports the same class on the
same file on overlapping lines (bandit points at a multi-line call's string, Shoal at the call).

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

Key = tuple[str, int, int]  # (path relative to the folder, first line, last line)


def bandit_classes() -> list[tuple[set[str], set[str]]]:
    """(bandit test ids, Shoal rule ids) of each class: the connected groups of the tag links."""
    links = [(rule.id, tag.split(":", 1)[1]) for rule in builtin_rules() for tag in rule.tags if tag.startswith("bandit:")]
    classes: list[tuple[set[str], set[str]]] = []
    for rule_id, test_id in links:
        touching = [c for c in classes if test_id in c[0] or rule_id in c[1]]
        merged = ({test_id}, {rule_id})
        for c in touching:
            classes.remove(c)
            merged = (merged[0] | c[0], merged[1] | c[1])
        classes.append(merged)
    return sorted(classes, key=lambda c: sorted(c[0]))


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
        lines = result.get("line_range") or [result["line_number"]]
        found[result["test_id"]].add((path, min(lines), max(lines)))
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
            loc = finding.location
            found[finding.rule_id].add((loc.path, loc.start_line, loc.end_line))
    return found, time.perf_counter() - start


def compare(folder: Path, examples: int) -> dict[str, Any]:
    classes = bandit_classes()
    bandit, bandit_seconds = run_bandit(folder, [t for tests, _ in classes for t in tests])
    shoal, shoal_seconds = run_shoal(folder, {r for _, rules in classes for r in rules})
    rows = [_class_row(tests, rules, shoal, bandit, examples) for tests, rules in classes]
    return {"folder": str(folder), "bandit_seconds": bandit_seconds, "shoal_seconds": shoal_seconds, "classes": rows}


def _class_row(
    test_ids: set[str], rule_ids: set[str], shoal: dict[str, set[Key]], bandit: dict[str, set[Key]], examples: int
) -> dict[str, Any]:
    ours = set().union(*(shoal.get(r, set()) for r in rule_ids))
    theirs = set().union(*(bandit.get(t, set()) for t in test_ids))
    shoal_only = sorted(k for k in ours if not any(_overlap(k, t) for t in theirs))
    bandit_only = sorted(k for k in theirs if not any(_overlap(k, o) for o in ours))
    return {
        "bandit": "/".join(sorted(test_ids)),
        "shoal_rules": sorted(rule_ids),
        "both": len(ours) - len(shoal_only),
        "shoal_only": len(shoal_only),
        "bandit_only": len(bandit_only),
        "shoal_only_examples": [f"{p}:{n}" for p, n, _ in shoal_only[:examples]],
        "bandit_only_examples": [f"{p}:{n}" for p, n, _ in bandit_only[:examples]],
    }


def _overlap(a: Key, b: Key) -> bool:
    return a[0] == b[0] and a[1] <= b[2] and b[1] <= a[2]


def print_table(result: dict[str, Any]) -> None:
    print(f"\n== bandit vs Shoal on {result['folder']} "
          f"(bandit {result['bandit_seconds']:.1f} s, Shoal rules {result['shoal_seconds']:.1f} s, one process each)")
    print(f"  {'bandit':11} {'both':>5} {'shoal-only':>10} {'bandit-only':>11}  shoal rules")
    totals = [0, 0, 0]
    for row in result["classes"]:
        totals = [totals[0] + row["both"], totals[1] + row["shoal_only"], totals[2] + row["bandit_only"]]
        print(f"  {row['bandit']:11} {row['both']:5} {row['shoal_only']:10} {row['bandit_only']:11}  {', '.join(row['shoal_rules'])}")
    print(f"  {'total':11} {totals[0]:5} {totals[1]:10} {totals[2]:11}")
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
