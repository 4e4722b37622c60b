"""TPR and FPR of the built-in rules per language and pattern-decidable category of the labelled
corpus (tests/corpus/<language>/expected.csv: path,category,cwe,vulnerable). A case counts as
reported when a rule whose CWE belongs to its category finds something in it.

    PYTHONPATH=shared python tests/benchmarks/corpus_accuracy.py [CORPUS_DIR] [-v]
"""

from __future__ import annotations

import csv
import sys
from dataclasses import dataclass, field
from pathlib import Path

from shoal.analysis import parser
from shoal.languages import detect_language
from shoal.rules.engine import RuleEngine
from shoal.rules.registry import RuleSet, builtin_rules

CATEGORY_CWES = {
    "weak-hash": {"CWE-328", "CWE-916"},
    "weak-cipher": {"CWE-327"},
    "insecure-randomness": {"CWE-330", "CWE-338"},
    "insecure-cookie": {"CWE-614", "CWE-1004"},
    "insecure-deserialization": {"CWE-502"},
    "xxe": {"CWE-611"},
    "hardcoded-credentials": {"CWE-798", "CWE-259"},
    "tls-verification": {"CWE-295", "CWE-297"},
}


@dataclass
class Tally:
    tp: int = 0
    tn: int = 0
    fn: list[str] = field(default_factory=list)
    fp: list[str] = field(default_factory=list)


def evaluate(language_dir: Path, engine: RuleEngine) -> dict[str, Tally]:
    tallies: dict[str, Tally] = {}
    for row in csv.DictReader((language_dir / "expected.csv").open()):
        cwes = CATEGORY_CWES.get(row["category"])
        if cwes is None:
            continue
        path = language_dir / row["path"]
        language = detect_language(path.name)
        source = path.read_bytes()
        found, _ = engine.run(language, parser.parse(source, language), source, row["path"])
        # TLS protocol versions are CWE-327 too, but not a weak cipher
        hit = any(f.cwe in cwes and not (row["category"] == "weak-cipher" and f.rule_id.startswith("tls/")) for f in found)
        tally = tallies.setdefault(row["category"], Tally())
        if row["vulnerable"] == "true":
            tally.tp += hit
            if not hit:
                tally.fn.append(row["path"])
        elif hit:
            tally.fp.append(row["path"])
        else:
            tally.tn += 1
    return tallies


def main() -> None:
    root = Path(next((a for a in sys.argv[1:] if not a.startswith("-")), "tests/corpus"))
    engine = RuleEngine(RuleSet(builtin_rules()))
    for language_dir in sorted(p for p in root.iterdir() if (p / "expected.csv").is_file()):
        for category, t in sorted(evaluate(language_dir, engine).items()):
            positives, negatives = t.tp + len(t.fn), t.tn + len(t.fp)
            print(f"{language_dir.name:10} {category:25} TPR {t.tp}/{positives} = {t.tp / max(positives, 1):.0%}  "
                  f"FPR {len(t.fp)}/{negatives} = {len(t.fp) / max(negatives, 1):.0%}")
            if "-v" in sys.argv:
                print("".join(f"      FN {p}\n" for p in t.fn) + "".join(f"      FP {p}\n" for p in t.fp), end="")


if __name__ == "__main__":
    main()
