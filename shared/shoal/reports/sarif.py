"""`shoal.sarif`: SARIF 2.1.0 in the shape GitHub code scanning ingests.

GitHub matches alerts across uploads by ruleId, artifact URI and partialFingerprints, so those three
must be stable for the same finding in a later commit; everything else here is presentation.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote, urlsplit

from shoal.models import ABSENT
from shoal.models import Finding, Fix, FlowStep, Location, RuleMeta, ScanResult, Severity
from shoal.reports.jsonreport import dumps, public_repository, summarize

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
TOOL_NAME = "Shoal"
# Placeholder until the project has a public home; SARIF only requires it to be an absolute URI.
INFORMATION_URI = "https://github.com/shoal-analysis/shoal"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "shoal/v2"  # v2: context-aware fingerprints (shoal.fingerprints)
# GitHub buckets security-severity into critical >= 9.0, high >= 7.0, medium >= 4.0, low > 0.
SECURITY_SEVERITY = {Severity.ERROR: "8.0", Severity.WARNING: "5.5", Severity.NOTE: "3.0"}

_CWE_NUMBER = re.compile(r"(\d+)")


def cwe_number(cwe: str | None) -> str | None:
    """"CWE-798", "cwe-798" and "798" all name the same weakness; GitHub wants the number."""
    if not cwe:
        return None
    match = _CWE_NUMBER.search(cwe)
    return str(int(match.group(1))) if match else None


def cwe_tag(cwe: str | None) -> str | None:
    number = cwe_number(cwe)
    return f"external/cwe/cwe-{number}" if number else None


def is_security_rule(rule: RuleMeta) -> bool:
    return rule.id.startswith("security/") or "security" in rule.tags


def artifact_uri(path: str) -> str:
    """A relative path as a URI reference: spaces, '#', '%', ':' and non-ASCII get percent-encoded.

    surrogateescape turns undecodable file-name bytes back into the bytes they were on disk.
    """
    return quote(path, safe="/", errors="surrogateescape")


def region(location: Location) -> dict[str, int]:
    """A region the schema and GitHub accept even when an analyser reported 0-based or inverted
    positions: lines and columns are 1-based and the end never precedes the start."""
    start_line = max(1, location.start_line)
    start_col = max(1, location.start_col)
    end_line = max(start_line, location.end_line)
    end_col = max(1, location.end_col)
    if end_line == start_line:
        end_col = max(end_col, start_col)
    return {
        "startLine": start_line,
        "startColumn": start_col,
        "endLine": end_line,
        "endColumn": end_col,
    }


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def rule_tags(rule: RuleMeta) -> list[str]:
    tags = list(rule.tags)
    if is_security_rule(rule):
        tags.append("security")
    tag = cwe_tag(rule.cwe)
    if tag:
        tags.append(tag)
    return _unique(tags)


def rule_precision(rule: RuleMeta) -> str:
    """RuleMeta carries no precision; metrics are counted, not guessed, so they never misfire."""
    return "very-high" if rule.id.startswith("metrics/") else "high"


def rule_help_markdown(rule: RuleMeta) -> str:
    text = rule.help or rule.description
    number = cwe_number(rule.cwe)
    if number:
        link = f"https://cwe.mitre.org/data/definitions/{number}.html"
        text = f"{text}\n\nSee [CWE-{number}]({link})."
    return text


def rule_properties(rule: RuleMeta) -> dict[str, Any]:
    properties: dict[str, Any] = {"tags": rule_tags(rule), "precision": rule_precision(rule)}
    if is_security_rule(rule) and cwe_number(rule.cwe):
        properties["security-severity"] = SECURITY_SEVERITY[rule.default_severity]
    return properties


def reporting_descriptor(rule: RuleMeta) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.description},
        "fullDescription": {"text": rule.help or rule.description},
        "help": {"text": rule.help or rule.description, "markdown": rule_help_markdown(rule)},
        "defaultConfiguration": {"level": rule.default_severity.value},
        "properties": rule_properties(rule),
    }


def placeholder_rule(finding: Finding) -> RuleMeta:
    """A finding whose rule the merge step did not describe still needs a valid ruleIndex."""
    name = "".join(part.capitalize() for part in re.split(r"[^A-Za-z0-9]+", finding.rule_id))
    return RuleMeta(
        id=finding.rule_id,
        name=name or "UnknownRule",
        description=f"Findings of rule {finding.rule_id}.",
        default_severity=finding.severity,
        cwe=finding.cwe,
    )


def all_rules(result: ScanResult) -> list[RuleMeta]:
    rules = list(result.rules)
    known = {r.id for r in rules}
    fixed = result.baseline.fixed if result.baseline is not None else ()
    for finding in (*result.findings, *fixed):
        if finding.rule_id not in known:
            known.add(finding.rule_id)
            rules.append(placeholder_rule(finding))
    return rules


def result_properties(finding: Finding) -> dict[str, Any]:
    properties: dict[str, Any] = dict(finding.properties)
    # The schema reserves "tags" for a list of distinct strings; anything else moves aside.
    tags = properties.get("tags")
    if "tags" in properties and not _is_tag_list(tags):
        properties["shoal/tags"] = properties.pop("tags")
    properties["confidence"] = finding.confidence
    if finding.cwe:
        properties["cwe"] = finding.cwe
    return properties


def _is_tag_list(value: Any) -> bool:
    return (
        isinstance(value, (list, tuple))
        and all(isinstance(v, str) for v in value)
        and len(set(value)) == len(value)
    )


def code_flows(steps: tuple[FlowStep, ...]) -> list[dict[str, Any]]:
    """A taint finding's path, source to sink, as one thread flow (GitHub shows it step by step)."""
    return [{"threadFlows": [{"locations": [
        {
            "location": {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(step.path), "uriBaseId": SRCROOT},
                    "region": {"startLine": max(1, step.line), "startColumn": max(1, step.column)},
                },
                "message": {"text": step.message},
            },
        }
        for step in steps
    ]}]}]


def sarif_result(finding: Finding, rule_index: int, baseline_state: str | None = None) -> dict[str, Any]:
    state = {"baselineState": baseline_state} if baseline_state else {}
    flows = {"codeFlows": code_flows(finding.steps)} if finding.steps else {}
    return {
        **state,
        "ruleId": finding.rule_id,
        "ruleIndex": rule_index,
        "level": finding.severity.value,
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {
                        "uri": artifact_uri(finding.location.path),
                        "uriBaseId": SRCROOT,
                    },
                    "region": region(finding.location),
                }
            }
        ],
        **flows,
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
        "properties": result_properties(finding),
        **({"fixes": [sarif_fix(finding.fix)]} if finding.fix is not None else {}),
    }


def sarif_fix(fix: Fix) -> dict[str, Any]:
    """A rule's suggested edit: one replacement in the finding's file (SARIF §3.55)."""
    return {
        "description": {"text": fix.description or "Suggested fix"},
        "artifactChanges": [
            {
                "artifactLocation": {"uri": artifact_uri(fix.region.path), "uriBaseId": SRCROOT},
                "replacements": [{"deletedRegion": region(fix.region), "insertedContent": {"text": fix.text}}],
            }
        ],
    }


def https_repository(repository: str) -> str | None:
    """Only an https URL is a repositoryUri GitHub can use; local paths would leak host layout."""
    public = public_repository(repository)
    parts = urlsplit(public)
    return public if parts.scheme == "https" and parts.netloc else None


def version_control(result: ScanResult) -> list[dict[str, Any]]:
    # repositoryUri is required by the schema, so without a usable URL there is no entry at all.
    uri = https_repository(result.repository)
    if uri is None:
        return []
    details: dict[str, Any] = {"repositoryUri": uri, "revisionId": result.commit}
    if result.ref:
        details["properties"] = {"ref": result.ref}
    return [details]


def invocation(result: ScanResult) -> dict[str, Any]:
    return {
        "executionSuccessful": not result.diagnostics,
        "toolExecutionNotifications": [
            {"level": "error", "message": {"text": text}} for text in result.diagnostics
        ],
    }


def run_properties(result: ScanResult) -> dict[str, Any]:
    return {
        "scanId": result.scan_id,
        "ref": result.ref,
        "summary": summarize(result),
    }


def results(result: ScanResult, index: dict[str, int]) -> list[dict[str, Any]]:
    """Every finding; with a baseline, each labelled new or unchanged, and the baseline's findings
    that are gone appended as "absent" (fixed)."""
    comparison = result.baseline
    if comparison is None:
        return [sarif_result(f, index[f.rule_id]) for f in result.findings]
    current = [sarif_result(f, index[f.rule_id], comparison.state(f)) for f in result.findings]
    return current + [fixed_result(f, index[f.rule_id]) for f in comparison.fixed]


def fixed_result(finding: Finding, rule_index: int) -> dict[str, Any]:
    """A baseline finding that is gone: kind "pass" (the rule found no problem there any more),
    so a consumer that ignores baselineState, like code scanning's upload, raises no alert for it."""
    result = sarif_result(finding, rule_index, ABSENT)
    result.pop("fixes", None)  # nothing left to fix
    result["kind"] = "pass"
    result["level"] = "none"  # required with any kind but "fail"; the old level stays in properties
    result["properties"]["baselineLevel"] = finding.severity.value
    return result


def sarif_run(result: ScanResult) -> dict[str, Any]:
    rules = all_rules(result)
    index = {rule.id: i for i, rule in enumerate(rules)}
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": TOOL_NAME,
                "informationUri": INFORMATION_URI,
                "semanticVersion": result.tool_version,
                "rules": [reporting_descriptor(r) for r in rules],
            }
        },
        # A trailing-slash-free id makes "shoal/" the GitHub category and the scan id the run, so
        # successive scans of one repository replace each other's alerts instead of piling up.
        "automationDetails": {"id": f"shoal/{result.scan_id}"},
        "originalUriBaseIds": {
            SRCROOT: {"description": {"text": "The root of the scanned source tree."}}
        },
        "invocations": [invocation(result)],
        "results": results(result, index),
        "properties": run_properties(result),
    }
    provenance = version_control(result)
    if provenance:
        run["versionControlProvenance"] = provenance
    return run


def document(result: ScanResult) -> dict[str, Any]:
    return {"$schema": SCHEMA_URI, "version": SARIF_VERSION, "runs": [sarif_run(result)]}


def render(result: ScanResult) -> bytes:
    # Indented: SARIF holds findings only, and people read it when an upload is refused.
    return dumps(document(result), indent=2)
