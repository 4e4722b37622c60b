"""Findings from function metrics (complexity, length, parameters, nesting) and their fingerprints."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from shoal.config import Thresholds
from shoal.models import FileMetrics, Finding, FunctionMetrics, Location, RuleMeta, Severity


def fingerprint(*parts: str) -> str:
    """A stable id for a finding from what it is about, never from where it sits (no lines)."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogateescape"))
    return digest.hexdigest()[:32]


@dataclass(frozen=True)
class MetricRule:
    meta: RuleMeta
    value: Callable[[FunctionMetrics], int]
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
        value=lambda f: f.ccn,
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
        value=lambda f: f.length,
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
        value=lambda f: f.params,
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
        value=lambda f: f.max_nesting,
        limit=lambda t: t.max_nesting,
        unit="levels of nesting",
    ),
)


def rule_catalog() -> tuple[RuleMeta, ...]:
    """Descriptors of the metrics rules, sorted by id (shoal.security adds rules and secrets)."""
    return tuple(sorted((r.meta for r in METRIC_RULES), key=lambda m: m.id))


def metric_findings(metrics: FileMetrics, thresholds: Thresholds) -> list[Finding]:
    """One finding per function and per metric over its limit."""
    findings: list[Finding] = []
    # Same-named functions in one file (overloads, nested helpers) are told apart by occurrence.
    seen: Counter[str] = Counter()
    for function in metrics.functions:
        occurrence = seen[function.name]
        seen[function.name] += 1
        for rule in METRIC_RULES:
            finding = _check(rule, metrics.path, function, occurrence, thresholds)
            if finding is not None:
                findings.append(finding)
    return findings


def _check(
    rule: MetricRule, path: str, function: FunctionMetrics, occurrence: int, thresholds: Thresholds
) -> Finding | None:
    value, limit = rule.value(function), rule.limit(thresholds)
    if value <= limit:
        return None
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
