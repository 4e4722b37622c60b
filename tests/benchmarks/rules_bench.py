"""Benchmark: the rules pass alone (RuleEngine.run_with_metrics) over every file of a corpus.

Files are read and parsed first, outside the clock; each repeat times a fresh engine (its
compiles, gating reviews and matching) over all of them in path order, as one agent would. The
figure is the process's CPU time, steadier than wall time on a machine shared with other work.

    python tests/benchmarks/rules_bench.py [--corpus DIR] [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def parsed_files(corpus: Path) -> list[tuple[str, object, bytes, str]]:
    from shoal.analysis import parser
    from shoal.languages import detect_language

    files = []
    for path in sorted(p for p in corpus.rglob("*") if p.is_file() and not p.is_symlink()):
        language = detect_language(path.name)
        if language is None:
            continue
        data = path.read_bytes()
        files.append((language, parser.parse(data, language), data, str(path.relative_to(corpus))))
    return files


def one_pass(files: list[tuple[str, object, bytes, str]]) -> tuple[float, int]:
    from shoal.rules.engine import RuleEngine
    from shoal.rules.registry import RuleSet, builtin_rules

    engine = RuleEngine(RuleSet(builtin_rules()))
    findings = 0
    start = time.process_time()
    for language, tree, data, path in files:
        found, _, _ = engine.run_with_metrics(language, tree, data, path)  # type: ignore[arg-type]
        findings += len(found)
    return time.process_time() - start, findings


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--corpus", type=Path, default=ROOT / ".bench" / "corpora" / "django-5.2.19",
                           help="a source tree (default: the Django corpus of `make bench`)")
    arguments.add_argument("--repeat", type=int, default=5)
    args = arguments.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"{args.corpus} is not a folder: run `make bench` once, or pass --corpus")
    files = parsed_files(args.corpus)
    one_pass(files[:50])  # imports, grammars and re2 warm up outside the figures
    times, findings = [], 0
    for _ in range(args.repeat):
        seconds, findings = one_pass(files)
        times.append(seconds)
    print(f"{len(files)} files, {findings} findings; rules pass {statistics.median(times):.3f} s CPU median "
          f"(min {min(times):.3f}, max {max(times):.3f}, {args.repeat} runs)")


if __name__ == "__main__":
    main()
