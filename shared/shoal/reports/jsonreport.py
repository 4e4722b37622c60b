"""`findings.json`: the whole scan as plain data, for machines and for the other report writers.

The summary helpers live here because every format reports the same numbers and they must agree.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import orjson

from shoal.models import ABSENT, NEW
from shoal.models import FileMetrics, Finding, RuleMeta, ScanResult, Severity

SCHEMA = "shoal/findings/v1"


def dumps(document: Any, indent: int | None = None) -> bytes:
    """Canonical JSON bytes: the same document always gives the same bytes.

    Compact unless `indent` is given (2 is the only indent orjson offers).

    orjson writes the bytes json.dumps(sort_keys=True, ensure_ascii=False) writes (checked on
    real reports; the reports hold no floats, whose exponents the two spell differently), ten
    times faster: 0.08 s of a Django merge. What orjson refuses (a lone surrogate, an integer
    past 64 bits) goes through json: paths decoded with surrogateescape can carry lone
    surrogates, which strict UTF-8 refuses; backslashreplace turns them into `\\udcXX`, a
    valid JSON escape that loads back unchanged.
    """
    if indent in (None, 2):
        option = orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE | (orjson.OPT_INDENT_2 if indent else 0)
        try:
            return orjson.dumps(document, option=option)
        except TypeError:
            pass
    separators = (",", ":") if indent is None else None
    text = json.dumps(document, sort_keys=True, indent=indent, separators=separators, ensure_ascii=False) + "\n"
    return text.encode("utf-8", errors="backslashreplace")


def public_repository(repository: str) -> str:
    """The repository as reports show it: a URL loses any user:token@ it was cloned with."""
    parts = urlsplit(repository)
    if not parts.scheme or not parts.netloc or "@" not in parts.netloc:
        return repository
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


def failed(result: ScanResult) -> bool:
    """Whether any finding is at or above the severity the scan was told to fail on; with a
    baseline in effect (and fail scope "new"), only new findings count."""
    if result.failure_threshold is None:
        return False
    threshold = result.failure_threshold.rank
    return any(f.severity.rank >= threshold for f in failing_candidates(result))


def failing_candidates(result: ScanResult) -> tuple[Finding, ...]:
    comparison = result.baseline
    if comparison is None or not result.fail_on_new_only:
        return result.findings
    return tuple(f for f in result.findings if comparison.state(f) == NEW)


def baseline_summary(result: ScanResult) -> dict[str, Any] | None:
    """New and fixed first: what a change did, against the baseline in effect (None without one)."""
    comparison = result.baseline
    if comparison is None:
        return None
    return {
        **comparison.counts(result.findings),
        "source": comparison.source,
        "branch": comparison.branch,
        "commit": comparison.commit,
        "fail_scope": "new" if result.fail_on_new_only else "all",
    }


def finding_dict(result: ScanResult, finding: Finding) -> dict[str, Any]:
    data = finding.to_dict()
    if result.baseline is not None:
        data["baseline_state"] = result.baseline.state(finding)
    return data


def severity_counts(result: ScanResult) -> dict[str, int]:
    counts = Counter(f.severity.value for f in result.findings)
    return {s.value: counts.get(s.value, 0) for s in Severity}


def rule_counts(result: ScanResult) -> dict[str, int]:
    return dict(Counter(f.rule_id for f in result.findings))


def exclusion_counts(result: ScanResult) -> dict[str, int]:
    return dict(Counter(e.reason for e in result.exclusions))


def language_totals(files: tuple[FileMetrics, ...]) -> dict[str, dict[str, int]]:
    totals: dict[str, dict[str, int]] = {}
    for f in files:
        entry = totals.setdefault(f.language, {"files": 0, "code": 0})
        entry["files"] += 1
        entry["code"] += f.lines.code
    return totals


def line_totals(files: Sequence[FileMetrics]) -> dict[str, int]:
    return {
        "code": sum(f.lines.code for f in files),
        "comment": sum(f.lines.comment for f in files),
        "blank": sum(f.lines.blank for f in files),
    }


def headline_counts(result: ScanResult) -> dict[str, Any]:
    """What `shoal scan` prints in its table beside the findings: small enough for the merge's
    checkpointed summary, so the command need not parse findings.json (0.045 s on Django)."""
    return {
        "lines": line_totals(result.files),
        "functions": sum(len(f.functions) for f in result.files),
        "excluded": sum(exclusion_counts(result).values()),
    }


def summarize(result: ScanResult) -> dict[str, Any]:
    """The numbers every report headlines."""
    files = result.files
    extra: dict[str, Any] = {}
    baseline = baseline_summary(result)
    if baseline is not None:
        extra["baseline"] = baseline
    if result.diff is not None:
        extra["diff"] = result.diff.to_dict()
    return {
        **extra,
        "files": len(files),
        "bytes": sum(f.bytes for f in files),
        "lines": line_totals(files),
        "functions": sum(len(f.functions) for f in files),
        "parse_errors": sum(f.parse_errors for f in files),
        "languages": language_totals(files),
        "findings": len(result.findings),
        "findings_by_severity": severity_counts(result),
        "findings_by_rule": rule_counts(result),
        "exclusions_by_reason": exclusion_counts(result),
        "failure_threshold": result.failure_threshold.value if result.failure_threshold else None,
        "passed": not failed(result),
        "partial": bool(result.failed_partitions),
        "failed_partitions": [dict(entry) for entry in result.failed_partitions],
    }


def rule_dict(rule: RuleMeta) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": rule.name,
        "description": rule.description,
        "default_severity": rule.default_severity.value,
        "help": rule.help,
        "cwe": rule.cwe,
        "tags": list(rule.tags),
    }


def document(result: ScanResult) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "scan": {
            "id": result.scan_id,
            "repository": public_repository(result.repository),
            "commit": result.commit,
            "ref": result.ref,
            "tool_version": result.tool_version,
            **({"worktree": result.worktree} if result.worktree else {}),
        },
        "summary": summarize(result),
        "rules": [rule_dict(r) for r in result.rules],
        "findings": [finding_dict(result, f) for f in result.findings],
        **({"fixed_findings": [{**f.to_dict(), "baseline_state": ABSENT} for f in result.baseline.fixed]}
           if result.baseline is not None else {}),
        "files": [f.to_dict() for f in result.files],
        "exclusions": [e.to_dict() for e in result.exclusions],
        "diagnostics": list(result.diagnostics),
    }


def render(result: ScanResult) -> bytes:
    return dumps(document(result))
