"""What taint tracking costs on Go, PHP and Ruby code: CPU of analysing every file of a language
in a folder in one process, metrics only, with the security rules but no taint (the rules as
pattern matches, as before the Go/PHP/Ruby adapters), and with taint (alternating rounds); and
the error-severity injection findings each gives.

    python tests/benchmarks/taint_langs_cost.py <folder> --language {go,php,ruby} [--rounds N]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from shoal.scan.agent import FileChecks, analyse_file
from shoal.config import Thresholds
from shoal.languages import detect_language
from shoal.models import Severity, SourceFile
from shoal.rules.engine import RuleEngine
from shoal.rules.registry import RuleSet, builtin_rules
from shoal.scan.security import FindingPolicy

LANGUAGES = ("go", "php", "ruby")


class _NoTaint(RuleEngine):
    def _taint_spec(self, language: str) -> None:
        return None


def cpu(root: Path, files: list[str], language: str, engine: RuleEngine | None) -> tuple[float, Counter[str]]:
    """CPU seconds for the files, and the error-severity findings by rule."""
    checks = FileChecks(Thresholds(), engine, FindingPolicy())
    errors: Counter[str] = Counter()
    started = time.process_time()
    for path in files:
        _, findings, _ = analyse_file(root, SourceFile(path, language, 1), checks)
        for finding in findings:
            if finding.severity == Severity.ERROR:
                errors[finding.rule_id] += 1
    return time.process_time() - started, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--language", choices=LANGUAGES, required=True)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    if not args.folder.is_dir():
        sys.exit(f"error: {args.folder} is not a folder")
    if args.rounds < 1:
        sys.exit("error: --rounds must be at least 1")
    files = sorted(p.relative_to(args.folder).as_posix() for p in args.folder.rglob("*")
                   if p.is_file() and detect_language(p.name) == args.language)
    if not files:
        sys.exit(f"error: no {args.language} files under {args.folder}")
    rules = RuleSet(builtin_rules())
    for round_ in range(1, args.rounds + 1):
        metrics, _ = cpu(args.folder, files, args.language, None)
        plain, before = cpu(args.folder, files, args.language, _NoTaint(rules))
        taint, after = cpu(args.folder, files, args.language, RuleEngine(rules))
        print(f"round {round_}: {len(files)} {args.language} files, agent CPU metrics only {metrics:.2f} s, "
              f"security without taint {plain:.2f} s (x{plain / metrics:.2f}), with taint {taint:.2f} s "
              f"(x{taint / metrics:.2f}, x{taint / plain:.2f} of without)")
    injection = ("injection", "traversal", "xss", "redirect", "ssrf", "deserialization")
    def pick(c):
        return sum(n for r, n in c.items() if any(k in r for k in injection))
    print(f"error-severity injection findings: without taint {pick(before)}, with taint {pick(after)}")
    for rule, count in sorted(after.items()):
        if any(k in rule for k in injection):
            print(f"  {rule}: {count}")


if __name__ == "__main__":
    main()
