"""Code Climate JSON from `findings.json`: the issues list GitLab's code quality report reads
(description, check_name, fingerprint, severity, location.path and location.lines.begin)."""

from __future__ import annotations

import hashlib
from typing import Any

from shoal.reports.cidoc import findings, line_span
from shoal.reports.jsonreport import dumps

SEVERITY = {"error": "critical", "warning": "major", "note": "minor"}


def render(document: dict[str, Any]) -> bytes:
    return dumps([issue(f) for f in findings(document)], indent=2)


def issue(finding: dict[str, Any]) -> dict[str, Any]:
    begin, end = line_span(finding)
    return {
        "type": "issue",
        "check_name": finding["rule_id"],
        "description": finding["message"],
        "categories": ["Complexity" if finding["rule_id"].startswith("metrics/") else "Security"],
        "severity": SEVERITY[finding["severity"]],
        "fingerprint": fingerprint(finding),
        "location": {"path": finding["location"]["path"], "lines": {"begin": begin, "end": end}},
    }


def fingerprint(finding: dict[str, Any]) -> str:
    """Stable across line moves as Shoal's own is; the path and rule make it unique per issue,
    which GitLab uses to tell new issues from resolved ones."""
    key = "\0".join((finding["rule_id"], finding["location"]["path"], finding["fingerprint"]))
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32]
