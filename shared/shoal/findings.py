"""Findings from function metrics (complexity, length, parameters, nesting) and their fingerprints."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from operator import attrgetter, gt

from shoal.config import Thresholds
from shoal.models import FileMetrics, Finding, FunctionMetrics, Location, RuleMeta, Severity


def fingerprint(*parts: str) -> str:
    """A stable id for a finding from what it is about, never from where it sits (no lines)."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogateescape"))
    return digest.hexdigest()[:32]


@dataclass(frozen=True)
class MetricRule:
    meta: RuleMeta
    measure: str  # the FunctionMetrics attribute the rule limits
    limit: Callable[[Thresholds], int]
    unit: str


METRIC_RULES: tuple[MetricRule, ...] = (
    MetricRule(
        RuleMeta(
            id="metrics/cyclomatic-complexity",
            name="CyclomaticComplexity",
            description="Function has a cyclomatic complexity over the configured limit.",
            default_severity=Severity.WARNING,
            help="Split the function: each branch point adds a path that tests must cover.",
            tags=("maintainability", "complexity"),
        ),
        measure="ccn",
        limit=lambda t: t.max_ccn,
        unit="cyclomatic complexity",
    ),
    MetricRule(
        RuleMeta(
            id="metrics/function-length",
            name="FunctionLength",
            description="Function is longer than the configured number of lines.",
            default_severity=Severity.NOTE,
            help="Long functions do several things; extract the parts into named functions.",
            tags=("maintainability", "size"),
        ),
        measure="length",
        limit=lambda t: t.max_function_lines,
        unit="lines",
    ),
    MetricRule(
        RuleMeta(
            id="metrics/parameter-count",
            name="ParameterCount",
            description="Function takes more parameters than the configured limit.",
            default_severity=Severity.NOTE,
            help="Group related parameters into a value object.",
            tags=("maintainability", "size"),
        ),
        measure="params",
        limit=lambda t: t.max_params,
        unit="parameters",
    ),
    MetricRule(
        RuleMeta(
            id="metrics/nesting-depth",
            name="NestingDepth",
            description="Function nests control blocks deeper than the configured limit.",
            default_severity=Severity.WARNING,
            help="Return early or extract the inner blocks to flatten the function.",
            tags=("maintainability", "complexity"),
        ),
        measure="max_nesting",
        limit=lambda t: t.max_nesting,
        unit="levels of nesting",
    ),
)


# Every rule's measure of a function, in one call made in C.
_MEASURES = attrgetter(*(rule.measure for rule in METRIC_RULES))


def rule_catalog() -> tuple[RuleMeta, ...]:
    """Descriptors of the metrics rules, sorted by id (shoal.scan.security adds rules and secrets)."""
    return tuple(sorted((r.meta for r in METRIC_RULES), key=lambda m: m.id))


def metric_findings(metrics: FileMetrics, thresholds: Thresholds) -> list[Finding]:
    """One finding per function and per metric over its limit."""
    findings: list[Finding] = []
    limits = [rule.limit(thresholds) for rule in METRIC_RULES]
    # Same-named functions in one file (overloads, nested helpers) are told apart by occurrence.
    seen: Counter[str] = Counter()
    for function in metrics.functions:
        occurrence = seen[function.name]
        seen[function.name] = occurrence + 1
        # Most functions are within every limit: that is checked first, and only a function over
        # one gets its findings built (Django: 30,000 functions, 350 findings).
        values = _MEASURES(function)
        if not any(map(gt, values, limits)):
            continue
        for rule, value, limit in zip(METRIC_RULES, values, limits):
            if value > limit:
                findings.append(_finding(rule, metrics.path, function, occurrence, value, limit))
    return findings


def _finding(
    rule: MetricRule, path: str, function: FunctionMetrics, occurrence: int, value: int, limit: int
) -> Finding:
    return Finding(
        rule_id=rule.meta.id,
        severity=rule.meta.default_severity,
        confidence="high",
        message=f"{function.name} has {value} {rule.unit} (limit {limit})",
        location=Location(
            path=path,
            start_line=function.start_line,
            start_col=function.start_col,
            end_line=function.end_line,
            end_col=1,
        ),
        fingerprint=fingerprint(rule.meta.id, path, function.name, str(occurrence)),
        properties=(("limit", limit), ("value", value)),
    )


def dedupe_and_sort(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Drop repeats (a partition analysed twice, the same file in two shards) and sort stably."""
    unique: dict[tuple[str, str, str, int, int], Finding] = {}
    for finding in findings:
        loc = finding.location
        # The path too: an agent's fingerprint tells findings apart within their file only.
        key = (loc.path, finding.rule_id, finding.fingerprint, loc.start_line, loc.start_col)
        unique.setdefault(key, finding)
    return tuple(sorted(unique.values(), key=lambda f: f.sort_key))
