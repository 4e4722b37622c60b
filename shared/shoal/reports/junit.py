"""JUnit XML from `findings.json`: one test case per rule that ran, one failure per finding.

CI servers (GitLab, Jenkins, Azure) show it as a test report: a rule with findings is a failed test.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any
from xml.etree import ElementTree

from shoal.reports.cidoc import findings, finding_title, line_span, rules_by_id

SUITE = "shoal"


def render(document: dict[str, Any]) -> bytes:
    rules = rules_by_id(document)
    by_rule: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for finding in findings(document):
        by_rule[finding["rule_id"]].append(finding)
    rule_ids = sorted(set(rules) | set(by_rule))  # a finding's rule is always in the run
    total_failures = sum(len(found) for found in by_rule.values())
    suites = ElementTree.Element("testsuites", name=SUITE, tests=str(len(rule_ids)), failures=str(total_failures))
    suite = ElementTree.SubElement(suites, "testsuite", name=SUITE, tests=str(len(rule_ids)),
                                   failures=str(sum(1 for r in rule_ids if by_rule.get(r))), errors="0", skipped="0")
    for rule_id in rule_ids:
        case = ElementTree.SubElement(suite, "testcase", classname=SUITE, name=rule_id)
        for finding in by_rule.get(rule_id, ()):
            _failure(case, finding, rules)
    ElementTree.indent(suites)
    return ElementTree.tostring(suites, encoding="utf-8", xml_declaration=True) + b"\n"


def _failure(case: ElementTree.Element, finding: dict[str, Any], rules: dict[str, dict[str, Any]]) -> None:
    path = finding["location"]["path"]
    begin, _ = line_span(finding)
    failure = ElementTree.SubElement(case, "failure", type=finding["severity"],
                                     message=f"{path}:{begin}: {finding['message']}")
    cwe = f" ({finding['cwe']})" if finding.get("cwe") else ""
    failure.text = f"{finding['severity']} {finding_title(finding, rules)}{cwe} at {path}:{begin}\n{finding['message']}"
