"""True- and false-positive rates of the injection rules per category on the labelled corpus
(tests/corpus/<language>/<category>/ with expected.csv): a case counts as reported when a
finding of error or warning severity carries one of the category's CWEs (a note is a bare
pattern match that no source was seen to reach).

    python tests/benchmarks/taint_accuracy.py [<corpus folder>]
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from shoal.analysis import parser
from shoal.languages import detect_language
from shoal.models import Severity
from shoal.rules.engine import RuleEngine
from shoal.rules.registry import RuleSet, builtin_rules

CATEGORIES = {
    "command-injection": {78}, "code-injection": {94, 95}, "sql-injection": {89}, "path-traversal": {22},
    "xss": {79}, "ldap-injection": {90}, "xpath-injection": {643}, "open-redirect": {601}, "ssrf": {918},
    "trust-boundary": {501},
}


def reported_cwes(engine: RuleEngine, path: Path) -> set[int]:
    language = detect_language(path.name)
    source = path.read_bytes()
    findings, _ = engine.run(language, parser.parse(source, language), source, path.name)
    return {int(f.cwe.split("-")[1]) for f in findings if f.cwe and f.severity != Severity.NOTE}


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "corpus"
    folders = sorted(p for p in root.iterdir() if (p / "expected.csv").is_file()) if root.is_dir() else []
    if not folders:
        sys.exit(f"error: no <language>/expected.csv under {root}: give the corpus folder")
    engine = RuleEngine(RuleSet(builtin_rules()))
    for folder in folders:
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # tp fn fp tn
        for row in csv.DictReader((folder / "expected.csv").open()):
            if row["category"] not in CATEGORIES:
                continue
            hit = bool(reported_cwes(engine, folder / row["path"]) & CATEGORIES[row["category"]])
            vulnerable = row["vulnerable"] == "true"
            counts[row["category"]][(0 if hit else 1) if vulnerable else (2 if hit else 3)] += 1
        print(f"== {folder.name}")
        for category, (tp, fn, fp, tn) in sorted(counts.items()):
            print(f"  {category:18} TPR {tp / max(1, tp + fn):4.0%}  FPR {fp / max(1, fp + tn):4.0%}"
                  f"  (tp {tp} fn {fn} fp {fp} tn {tn})")


if __name__ == "__main__":
    main()
