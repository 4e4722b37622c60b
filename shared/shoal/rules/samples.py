"""Rule samples: source files whose comments mark the lines a rule must and must not report.

Beside `name.yaml` sit `name.<ext>` files. A comment holding `ruleid: <id>` says the next line
must have a finding of that rule; `ok: <id>` says it must not. Every rule needs at least one of
each, and a finding on a line nobody marked is a failure too: the sample is the rule's spec.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from shoal.analysis import parser
from shoal.languages import detect_language
from shoal.rules.engine import RuleEngine
from shoal.models import Severity
from shoal.rules.registry import (
    RULE_SUFFIXES,
    TAINT,
    Rule,
    RuleSet,
    builtin_rules,
    is_detectors_document,
    load_yaml_file,
    parse_rule,
    rule_files,
)

_ID = r"[a-z][a-z0-9-]*/[a-z0-9][a-z0-9-]*"
_MARK = re.compile(rf"\b(ruleid|ok):\s*({_ID}(?:\s*,\s*{_ID})*)")


@dataclass(frozen=True)
class Marks:
    expected: dict[int, set[str]] = field(default_factory=dict)  # line -> rule ids that must fire
    allowed_none: dict[int, set[str]] = field(default_factory=dict)  # line -> rule ids that must not


@dataclass
class RuleReport:
    rule: Rule
    samples: list[Path] = field(default_factory=list)
    positives: int = 0
    negatives: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.problems


def read_marks(text: str) -> Marks:
    """Marks by line number (1-based) of the line each annotation applies to."""
    marks = Marks()
    pending: list[tuple[str, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        found = [(kind, rule_id.strip()) for kind, ids in _MARK.findall(line) for rule_id in ids.split(",")]
        found = [(kind, rule_id) for kind, rule_id in found if rule_id]
        if found:
            pending.extend(found)
            continue
        for kind, rule_id in pending:
            target = marks.expected if kind == "ruleid" else marks.allowed_none
            target.setdefault(number, set()).add(rule_id)
        pending = []
    return marks


def sample_files(rule_file: Path) -> list[Path]:
    return sorted(
        p for p in rule_file.parent.glob(rule_file.stem + ".*")
        if p.suffix not in RULE_SUFFIXES and p.is_file()
    )


def check_rule(rule: Rule, samples: Sequence[Path], models: Sequence[Rule] = ()) -> RuleReport:
    """A taint rule runs with the built-in taint models of its languages and `models` (a rules
    folder's own); its marks are its flows: the notes of a bare query match are not counted."""
    report = RuleReport(rule, list(samples))
    if not rule.reports:
        return report  # a taint model: the taint rules' samples check its sources
    ruleset: tuple[Rule, ...] = (rule,)
    if rule.mode == TAINT:
        extra = [m for m in (*builtin_rules(), *models) if not m.reports and set(m.languages) & set(rule.languages)]
        ruleset += tuple({m.id: m for m in extra if m.id != rule.id}.values())
    engine = RuleEngine(RuleSet(ruleset))
    for sample in samples:
        language = detect_language(sample.name)
        if language is None or language not in rule.languages:
            report.problems.append(f"{sample}: not a sample for the rule's languages {', '.join(rule.languages)}")
            continue
        source = sample.read_bytes()
        findings, diagnostics = engine.run(language, parser.parse(source, language), source, sample.name)
        report.problems.extend(diagnostics)
        fired = {f.location.start_line for f in findings
                 if f.rule_id == rule.id and (rule.mode != TAINT or f.severity != Severity.NOTE)}
        _compare(report, sample, read_marks(source.decode("utf-8", "replace")), fired)
    if report.positives == 0 or report.negatives == 0:
        report.problems.append(
            f"rule {rule.id} needs samples with at least one 'ruleid: {rule.id}' and one 'ok: {rule.id}' line "
            f"(has {report.positives} and {report.negatives}) beside {rule.source}"
        )
    return report


def _compare(report: RuleReport, sample: Path, marks: Marks, fired: set[int]) -> None:
    rule_id = report.rule.id
    expected = {line for line, ids in marks.expected.items() if rule_id in ids}
    forbidden = {line for line, ids in marks.allowed_none.items() if rule_id in ids}
    report.positives += len(expected)
    report.negatives += len(forbidden)
    for line in sorted(expected - fired):
        report.problems.append(f"{sample}:{line}: expected a finding of {rule_id}, got none")
    for line in sorted(fired - expected):
        kind = "marked ok" if line in forbidden else "not marked"
        report.problems.append(f"{sample}:{line}: unexpected finding of {rule_id} ({kind})")


def check_folder(folder: Path) -> list[RuleReport]:
    """Check every rule file under `folder` against the samples beside it."""
    documents = [(path, load_yaml_file(path, str(path))) for path in _rule_paths(folder)]
    # Secret-detector files share the folder; their samples are checked when they load.
    rules = [(path, parse_rule(data, str(path))) for path, data in documents if not is_detectors_document(data)]
    RuleSet(tuple(rule for _, rule in rules))  # duplicate ids are an error here too
    models = [rule for _, rule in rules if not rule.reports]
    return [check_rule(rule, sample_files(path), models) for path, rule in rules if rule.reports]


def _rule_paths(folder: Path) -> Iterable[Path]:
    return rule_files(folder)  # bounded in count and size, as a repository's rules folder is
