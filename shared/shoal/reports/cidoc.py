"""What the CI formats read from `findings.json`: its findings, rules and scan facts as plain data."""

from __future__ import annotations

from typing import Any

SEVERITIES = ("error", "warning", "note")


def findings(document: dict[str, Any]) -> list[dict[str, Any]]:
    return list(document.get("findings", ()))


def rules_by_id(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {rule["id"]: rule for rule in document.get("rules", ())}


def finding_title(finding: dict[str, Any], rules: dict[str, dict[str, Any]]) -> str:
    """A short name for the finding: its rule's name, else its id."""
    rule = rules.get(finding["rule_id"])
    return str(rule["name"]) if rule and rule.get("name") else str(finding["rule_id"])


def line_span(finding: dict[str, Any]) -> tuple[int, int]:
    """1-based first and last line, never inverted (some analysers report 0-based positions)."""
    location = finding["location"]
    begin = max(1, int(location["start_line"]))
    return begin, max(begin, int(location["end_line"]))
