"""How closely shoal.analysis agrees with lizard (functions, ccn) and cloc (code lines), and how
much faster it is than lizard on the same files.

    python tests/benchmarks/agreement.py DIR [DIR ...] [--cloc CMD] [--no-cloc] [--speed-only]

Prints one JSON object per directory: {"speed": ..., "lizard": ..., "cloc": ...}.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from shoal.analysis import analyse_source
from shoal.languages import detect_language
from shoal.models import FileMetrics

# Vendored or generated code measures somebody else's style, not the project's.
EXCLUDED_PARTS = ("/vendor/", "/node_modules/", "/static/admin/js/vendor/")
EXCLUDED_SUFFIXES = (".min.js",)
DEFAULT_CLOC = [str(Path(__file__).resolve().parents[2] / ".bench/tools/node_modules/.bin/cloc")]


def source_files(root: Path, languages: set[str] | None = None) -> list[tuple[str, str]]:
    """(relative POSIX path, language) of every analysable file under root, sorted."""
    found: list[tuple[str, str]] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for filename in sorted(filenames):
            rel = Path(dirpath, filename).relative_to(root).as_posix()
            language = detect_language(rel)
            if language is None or _excluded(rel):
                continue
            if languages is None or language in languages:
                found.append((rel, language))
    return found


def _excluded(rel: str) -> bool:
    return rel.endswith(EXCLUDED_SUFFIXES) or any(part in f"/{rel}" for part in EXCLUDED_PARTS)


def analyse_tree(root: Path, files: Sequence[tuple[str, str]]) -> tuple[list[FileMetrics], float]:
    started = time.perf_counter()
    results = [analyse_source((root / rel).read_bytes(), language, rel) for rel, language in files]
    return results, time.perf_counter() - started


def lizard_agreement(root: Path, files: Sequence[FileMetrics]) -> dict[str, Any]:
    """Runs lizard's own analyze_file on every file (one process) and compares function by function."""
    import lizard

    ours = {(f.path, fn.start_line): fn for f in files for fn in f.functions}
    total = matched = equal = 0
    off_by: Counter[int] = Counter()
    examples: dict[int, list[str]] = defaultdict(list)
    seen: set[tuple[str, int]] = set()
    started = time.perf_counter()
    for file in files:
        info = lizard.analyze_file(str(root / file.path))
        for theirs in info.function_list:
            total += 1
            key = (file.path, theirs.start_line)
            mine = ours.get(key)
            if mine is None or key in seen:
                continue
            seen.add(key)
            matched += 1
            delta = mine.ccn - theirs.cyclomatic_complexity
            if delta == 0:
                equal += 1
                continue
            off_by[delta] += 1
            if len(examples[delta]) < 5:
                examples[delta].append(f"{file.path}:{theirs.start_line} {theirs.name}")
    seconds = time.perf_counter() - started
    return {
        "functions": total,
        "matched": matched,
        "unmatched_lizard": total - matched,
        "unmatched_ours": len(ours) - matched,
        "equal_ccn": equal,
        "share": equal / total if total else 1.0,
        "ccn_delta_top": off_by.most_common(8),
        "examples": {str(k): v for k, v in sorted(examples.items(), key=lambda kv: -off_by[kv[0]])[:4]},
        "lizard_seconds": seconds,
    }


def cloc_agreement(root: Path, files: Sequence[FileMetrics], cloc_cmd: list[str]) -> dict[str, Any]:
    """Runs cloc --by-file --json over the same files and compares code lines per file."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing:
        listing.write("\n".join(f.path for f in files))
    try:
        output = subprocess.run(
            [*cloc_cmd, "--by-file", "--json", "--quiet", "--skip-uniqueness", f"--list-file={listing.name}"],
            cwd=root, capture_output=True, text=True, check=True,
        ).stdout
    finally:
        os.unlink(listing.name)
    report = json.loads(output)
    equal = missing = 0
    deltas: Counter[int] = Counter()
    examples: list[str] = []
    for file in files:
        theirs = report.get(file.path) or report.get(f"./{file.path}")
        if theirs is None:
            # cloc leaves out files without a single line; agreeing means we found none either.
            missing += 1
            if file.lines.total == 0:
                equal += 1
            continue
        delta = file.lines.code - theirs["code"]
        if delta == 0:
            equal += 1
        else:
            deltas[delta] += 1
            if len(examples) < 8:
                examples.append(f"{file.path}: ours {file.lines.code} cloc {theirs['code']}")
    return {
        "files": len(files),
        "equal_code": equal,
        "missing_in_cloc": missing,
        "share": equal / len(files) if files else 1.0,
        "code_delta_top": deltas.most_common(8),
        "examples": examples,
    }


def speed(files: Sequence[FileMetrics], ours_seconds: float, lizard_seconds: float) -> dict[str, Any]:
    megabytes = sum(f.bytes for f in files) / 1e6
    return {
        "files": len(files),
        "megabytes": round(megabytes, 2),
        "shoal_mb_s": round(megabytes / ours_seconds, 3),
        "lizard_mb_s": round(megabytes / lizard_seconds, 3) if lizard_seconds else None,
        "ratio": round(lizard_seconds / ours_seconds, 2) if lizard_seconds else None,
    }


def _lizard_seconds(root: Path, files: Sequence[FileMetrics]) -> float:
    import lizard

    started = time.perf_counter()
    for file in files:
        lizard.analyze_file(str(root / file.path))
    return time.perf_counter() - started


def main(argv: Sequence[str] | None = None) -> int:
    args = _arguments(argv)
    for root in args.dirs:
        files, ours_seconds = analyse_tree(root, source_files(root, set(args.languages or []) or None))
        result: dict[str, Any] = {"root": str(root)}
        if args.speed_only:
            result["speed"] = speed(files, ours_seconds, _lizard_seconds(root, files))
        else:
            result["lizard"] = lizard_agreement(root, files)
            result["speed"] = speed(files, ours_seconds, result["lizard"]["lizard_seconds"])
            if not args.no_cloc:
                result["cloc"] = cloc_agreement(root, files, args.cloc)
        print(json.dumps(result, indent=2))
    return 0


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dirs", nargs="+", type=Path)
    parser.add_argument("--cloc", type=shlex.split, default=DEFAULT_CLOC, help="cloc command line")
    parser.add_argument("--no-cloc", action="store_true")
    parser.add_argument("--speed-only", action="store_true")
    parser.add_argument("--language", dest="languages", action="append", help="limit to these ids")
    return parser.parse_args(argv)




if __name__ == "__main__":
    sys.exit(main())
