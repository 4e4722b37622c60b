"""GitLab SAST report (`gl-sast-report.json`) from `findings.json`, in GitLab's security report
format 15.x, so a merge request's security widget lists Shoal's findings.

Metrics findings are not vulnerabilities: they go to the Code Climate report instead.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from shoal.reports.cidoc import findings, finding_title, line_span, rules_by_id
from shoal.reports.jsonreport import dumps
from shoal.reports.sarif import INFORMATION_URI, cwe_number

SCHEMA_VERSION = "15.2.1"
SEVERITY = {"error": "High", "warning": "Medium", "note": "Low"}
# Vulnerability ids are UUIDs derived from the finding, so the same finding keeps its id.
_NAMESPACE = uuid.UUID("6f1e6f4e-3c5a-4a7e-9a52-5b0c0c1f9d11")
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%S"  # GitLab's pattern: no fraction, no zone


def render(document: dict[str, Any], started: datetime, ended: datetime) -> bytes:
    """The report; `started` and `ended` are the scan's times, which the format requires."""
    version = str(document["scan"]["tool_version"])
    component = {"id": "shoal", "name": "Shoal", "version": version, "vendor": {"name": "Shoal"},
                 "url": INFORMATION_URI}
    rules = rules_by_id(document)
    report = {
        "version": SCHEMA_VERSION,
        "scan": {
            "analyzer": component,
            "scanner": component,
            "type": "sast",
            "start_time": started.strftime(_TIME_FORMAT),
            "end_time": ended.strftime(_TIME_FORMAT),
            "status": "success",
        },
        "vulnerabilities": [vulnerability(f, rules) for f in findings(document)
                            if not f["rule_id"].startswith("metrics/")],
    }
    return dumps(report, indent=2)


def vulnerability(finding: dict[str, Any], rules: dict[str, dict[str, Any]]) -> dict[str, Any]:
    begin, end = line_span(finding)
    path = finding["location"]["path"]
    identity = "\0".join((finding["rule_id"], path, finding["fingerprint"]))
    return {
        "id": str(uuid.uuid5(_NAMESPACE, identity)),
        "name": finding_title(finding, rules)[:255],
        "description": finding["message"],
        "severity": SEVERITY[finding["severity"]],
        "location": {"file": path, "start_line": begin, "end_line": end},
        "identifiers": identifiers(finding),
    }


def identifiers(finding: dict[str, Any]) -> list[dict[str, str]]:
    found = [{"type": "shoal_rule_id", "name": f"Shoal rule {finding['rule_id']}", "value": finding["rule_id"]}]
    number = cwe_number(finding.get("cwe"))
    if number:
        found.append({"type": "cwe", "name": f"CWE-{number}", "value": number,
                      "url": f"https://cwe.mitre.org/data/definitions/{number}.html"})
    return found
