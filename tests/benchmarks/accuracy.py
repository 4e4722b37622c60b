"""Shoal's accuracy on the labelled corpus (tests/corpus/<language>), scored as the OWASP Benchmark does.

Per category: true-positive rate minus false-positive rate; bandit beside Shoal on the Python cases,
and the share of bandit's own example findings (medium and high severity) that Shoal also reports.

    python tests/benchmarks/accuracy.py [--language L ...] [--json FILE] [--show-misses] [--skip-bandit-examples]
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"
BENCH = ROOT / ".bench"
BANDIT_VERSION = "1.9.4"  # the dev extra's pin: its sdist holds the example files

# Category -> the CWE numbers accepted as a hit on it (327 counts for weak hashes too, as the
# OWASP Benchmark scores it; 259 for hard-coded credentials, which bandit reports).
CATEGORIES: dict[str, frozenset[int]] = {
    "command-injection": frozenset({78}),
    "code-injection": frozenset({94, 95}),
    "sql-injection": frozenset({89}),
    "path-traversal": frozenset({22}),
    "xss": frozenset({79}),
    "ldap-injection": frozenset({90}),
    "xpath-injection": frozenset({643}),
    "open-redirect": frozenset({601}),
    "ssrf": frozenset({918}),
    "trust-boundary": frozenset({501}),
    "insecure-deserialization": frozenset({502}),
    "xxe": frozenset({611}),
    "weak-hash": frozenset({328, 327}),
    "weak-cipher": frozenset({327}),
    "insecure-randomness": frozenset({330, 338}),
    "insecure-cookie": frozenset({614, 1004}),
    "hardcoded-credentials": frozenset({798, 259}),
    "tls-verification": frozenset({295}),
}
EXPECTED_HEADER = ["path", "category", "cwe", "vulnerable"]

Detections = dict[str, set[int]]  # path relative to the language folder -> CWE numbers reported in it


class CorpusError(Exception):
    """The corpus or a tool's output is not what this script can score; the message says why."""


@dataclass(frozen=True)
class Case:
    path: str
    category: str
    cwe: int
    vulnerable: bool


@dataclass(frozen=True)
class Score:
    category: str
    cases: int
    tp: int
    fn: int
    fp: int
    tn: int
    misses: tuple[str, ...]  # vulnerable cases not detected
    false_alarms: tuple[str, ...]  # non-vulnerable cases detected

    @property
    def tpr(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def fpr(self) -> float:
        return self.fp / (self.fp + self.tn) if self.fp + self.tn else 0.0

    @property
    def score(self) -> float:
        return self.tpr - self.fpr

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "tpr": self.tpr, "fpr": self.fpr, "score": self.score}


def cwe_number(value: object) -> int | None:
    """"CWE-78", "78" and 78 all name CWE 78; anything else names none."""
    text = str(value or "").strip().upper().removeprefix("CWE-")
    return int(text) if text.isdigit() else None


def languages(selected: list[str] | None) -> list[str]:
    present = sorted(p.name for p in CORPUS.iterdir() if (p / "expected.csv").is_file()) if CORPUS.is_dir() else []
    if not selected:
        return present
    unknown = [lang for lang in selected if lang not in present]
    if unknown:
        raise CorpusError(f"no corpus for {', '.join(unknown)} under {CORPUS} (present: {', '.join(present) or 'none'})")
    return selected


def load_expected(folder: Path) -> list[Case]:
    """The rows of <folder>/expected.csv, checked: known category, a CWE number, true/false."""
    path = folder / "expected.csv"
    with path.open(newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header != EXPECTED_HEADER:
            raise CorpusError(f"{path}: the header must be {','.join(EXPECTED_HEADER)}, not {header}")
        return [_case(path, number, row) for number, row in enumerate(reader, 2) if row]


def _case(path: Path, line: int, row: list[str]) -> Case:
    if len(row) != 4:
        raise CorpusError(f"{path}:{line}: expected 4 columns ({','.join(EXPECTED_HEADER)}), got {len(row)}")
    name, category, cwe, vulnerable = row
    if category not in CATEGORIES:
        raise CorpusError(f"{path}:{line}: unknown category {category!r}; use one of {', '.join(CATEGORIES)}")
    number = cwe_number(cwe)
    if number is None or vulnerable not in ("true", "false"):
        raise CorpusError(f"{path}:{line}: cwe must be a number and vulnerable true or false, got {cwe!r}, {vulnerable!r}")
    return Case(name, category, number, vulnerable == "true")


def scorecard(cases: list[Case], detections: Detections) -> list[Score]:
    """Per category, in table order: a case is detected when its file has a finding of one of the
    category's accepted CWEs; a finding of any other CWE in the same file does not count."""
    groups: dict[str, list[Case]] = defaultdict(list)
    for case in cases:
        groups[case.category].append(case)
    scores = []
    for category in [c for c in CATEGORIES if c in groups]:
        hit = {c.path for c in groups[category] if detections.get(c.path, set()) & CATEGORIES[category]}
        vulnerable = [c.path for c in groups[category] if c.vulnerable]
        benign = [c.path for c in groups[category] if not c.vulnerable]
        scores.append(Score(
            category, len(groups[category]),
            tp=sum(p in hit for p in vulnerable), fn=sum(p not in hit for p in vulnerable),
            fp=sum(p in hit for p in benign), tn=sum(p not in hit for p in benign),
            misses=tuple(sorted(p for p in vulnerable if p not in hit)),
            false_alarms=tuple(sorted(p for p in benign if p in hit)),
        ))
    return scores


def average(scores: list[Score]) -> float:
    return sum(s.score for s in scores) / len(scores) if scores else 0.0


def run_shoal(folder: Path) -> list[dict[str, Any]]:
    """The findings of a real `shoal scan` (security rules and secrets on) of the folder."""
    workspace = Path(tempfile.mkdtemp(prefix="shoal-accuracy-"))
    try:
        # Scanned as a folder of its own: inside this repository, the repository's .shoal.toml
        # (which leaves the corpus out of Shoal's own scans) and .gitignore (.bench/) would apply.
        alone = workspace / "corpus"
        shutil.copytree(folder, alone)
        done = subprocess.run(
            [sys.executable, "-m", "shoal.cli", "scan", str(alone), "--workspace", str(workspace),
             "--scan-id", "accuracy", "--fail-on", "none"],
            capture_output=True, text=True,
        )
        report = workspace / "scans" / "accuracy" / "report" / "findings.json"
        if done.returncode != 0 or not report.is_file():
            raise CorpusError(f"shoal scan of {folder} failed ({done.returncode}): {done.stderr[-2000:]}")
        return list(json.loads(report.read_bytes())["findings"])
    finally:
        shutil.rmtree(workspace, ignore_errors=True)


def shoal_detections(findings: list[dict[str, Any]]) -> Detections:
    found: Detections = defaultdict(set)
    for finding in findings:
        number = cwe_number(finding.get("cwe"))
        if number is not None:
            found[finding["location"]["path"]].add(number)
    return found


def run_bandit(folder: Path) -> list[dict[str, Any]]:
    """bandit's results on every Python file of the folder, all tests, every severity."""
    done = subprocess.run([sys.executable, "-m", "bandit", "-r", ".", "-f", "json", "-q"],
                          cwd=folder, capture_output=True, text=True)
    if done.returncode not in (0, 1):  # 1: it found something
        raise CorpusError(f"bandit failed on {folder} ({done.returncode}): {done.stderr[-2000:]}"
                          " (bandit comes with the dev extra: `make setup` installs it)")
    return list(json.loads(done.stdout)["results"])


def bandit_path(result: dict[str, Any]) -> str:
    return Path(result["filename"]).as_posix().removeprefix("./")


def bandit_detections(results: list[dict[str, Any]]) -> Detections:
    found: Detections = defaultdict(set)
    for result in results:
        number = cwe_number((result.get("issue_cwe") or {}).get("id"))
        if number is not None:
            found[bandit_path(result)].add(number)
    return found


def example_coverage(bandit: list[dict[str, Any]], shoal: list[dict[str, Any]]) -> dict[str, Any]:
    """How many of bandit's medium- and high-severity findings in the corpus's categories Shoal
    also reports: same file, a CWE of the same category, start lines at most 2 apart."""
    accepted = set().union(*CATEGORIES.values())
    ours: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for finding in shoal:
        number = cwe_number(finding.get("cwe"))
        if number is not None:
            ours[finding["location"]["path"]].append((number, finding["location"]["start_line"]))
    wanted = [r for r in bandit if r["issue_severity"] in ("MEDIUM", "HIGH")
              and cwe_number((r.get("issue_cwe") or {}).get("id")) in accepted]
    matched, missed = 0, []
    for result in wanted:
        cwe = cwe_number(result["issue_cwe"]["id"])
        same = set().union(*(c for c in CATEGORIES.values() if cwe in c))
        if any(n in same and abs(line - result["line_number"]) <= 2 for n, line in ours[bandit_path(result)]):
            matched += 1
        else:
            missed.append(f"{bandit_path(result)}:{result['line_number']} {result['test_id']} CWE-{cwe}")
    return {"bandit_findings": len(wanted), "shoal_matched": matched,
            "percent": 100.0 * matched / len(wanted) if wanted else 0.0, "missed": sorted(missed)}


def bandit_examples() -> Path:
    """bandit's examples folder from its pinned sdist (downloaded once into .bench/)."""
    target = BENCH / "corpora" / f"bandit-{BANDIT_VERSION}"
    if not target.is_dir():
        sys.path.insert(0, str(ROOT))
        from tests.helpers import download_sdist

        download_sdist("bandit", BANDIT_VERSION, BENCH / "downloads", BENCH / "corpora")
    return target / "examples"


def evaluate(language: str) -> tuple[dict[str, Any], dict[str, list[Score]]]:
    """The language's results as JSON data, and its scores per tool (Shoal, plus bandit on Python)."""
    folder = CORPUS / language
    cases = load_expected(folder)
    missing = [c.path for c in cases if not (folder / c.path).is_file()]
    if missing:
        raise CorpusError(f"{folder}/expected.csv lists files that do not exist: {', '.join(missing[:5])}")
    tools = {"shoal": shoal_detections(run_shoal(folder))}
    if language == "python":
        tools["bandit"] = bandit_detections(run_bandit(folder))
    scores = {tool: scorecard(cases, found) for tool, found in tools.items()}
    result = {"language": language, "cases": len(cases),
              "tools": {tool: {"average": average(s), "categories": [x.to_dict() for x in s]} for tool, s in scores.items()}}
    return result, scores


def print_language(console: Console, result: dict[str, Any], scores: dict[str, list[Score]], show_misses: bool) -> None:
    tools = list(scores)
    table = Table(title=f"{result['language']}: {result['cases']} cases (score = TPR - FPR)")
    table.add_column("category")
    table.add_column("cases", justify="right")
    for tool in tools:
        for label in ("TPR", "FPR", "score"):
            table.add_column(f"{tool} {label}", justify="right")
    for index, first in enumerate(scores[tools[0]]):
        cells = [first.category, str(first.cases)]
        for tool in tools:
            s = scores[tool][index]
            cells += [f"{s.tpr:.0%}", f"{s.fpr:.0%}", f"{s.score:+.0%}"]
        table.add_row(*cells)
    table.add_section()
    average_cells = ["average", str(result["cases"])]
    for tool in tools:
        average_cells += ["", "", f"{average(scores[tool]):+.1%}"]
    table.add_row(*average_cells)
    console.print(table)
    if show_misses:
        for tool in tools:
            for s in scores[tool]:
                if s.misses:
                    console.print(f"{tool} {s.category} missed: {', '.join(s.misses)}", highlight=False)
                if s.false_alarms:
                    console.print(f"{tool} {s.category} false alarms: {', '.join(s.false_alarms)}", highlight=False)


def print_examples(console: Console, coverage: dict[str, Any], show_misses: bool) -> None:
    console.print(
        f"On bandit's own example files, Shoal reports {coverage['percent']:.0f}% of bandit's medium- and "
        f"high-severity findings in these categories ({coverage['shoal_matched']} of {coverage['bandit_findings']}; "
        "same file, line within 2)", highlight=False)
    if show_misses and coverage["missed"]:
        console.print("not reported by Shoal: " + ", ".join(coverage["missed"]), highlight=False)


def main(argv: list[str] | None = None) -> int:
    cli = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    cli.add_argument("--language", action="append", help="a folder of tests/corpus (repeatable; default: all)")
    cli.add_argument("--json", type=Path, metavar="FILE", help="also write the results as JSON to FILE")
    cli.add_argument("--show-misses", action="store_true", help="list missed files and false alarms per category")
    cli.add_argument("--skip-bandit-examples", action="store_true",
                     help="do not download bandit's sdist to compare on its example files")
    args = cli.parse_args(argv)
    # A report, not a terminal view: piped or redirected, keep the columns readable at 140.
    console = Console(width=None if sys.stdout.isatty() else 140)
    try:
        results = []
        for language in languages(args.language):
            result, scores = evaluate(language)
            print_language(console, result, scores, args.show_misses)
            if language == "python" and not args.skip_bandit_examples:
                examples = bandit_examples()
                result["bandit_examples"] = example_coverage(run_bandit(examples), run_shoal(examples))
                print_examples(console, result["bandit_examples"], args.show_misses)
            results.append(result)
        if not results:
            raise CorpusError(f"no language folder with an expected.csv under {CORPUS}")
        if args.json:
            args.json.write_text(json.dumps(results, indent=2) + "\n")
    except subprocess.CalledProcessError as exc:
        print(f"accuracy: could not download bandit {BANDIT_VERSION}'s sdist ({exc}); "
              "run with --skip-bandit-examples when PyPI cannot be reached", file=sys.stderr)
        return 2
    except (CorpusError, OSError) as exc:
        print(f"accuracy: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
