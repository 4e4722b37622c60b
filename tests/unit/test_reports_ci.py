"""The CI formats written from findings.json: JUnit XML, GitLab SAST, Code Climate."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, UTC
from typing import Any
from xml.etree import ElementTree

import jsonschema

from shoal.models import Severity
from shoal.reports import codeclimate, gitlab, junit, render
from tests.unit.test_reports import make_result

STARTED = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
ENDED = datetime(2026, 1, 2, 3, 4, 9, tzinfo=UTC)

# GitLab's code quality report as its documentation lists the fields it reads (there is no
# published schema): an array of issues.
CODECLIMATE_SCHEMA: dict[str, Any] = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "type": {"const": "issue"},
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "categories": {"type": "array", "items": {"type": "string"}, "minItems": 1},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "minLength": 1},
                    "lines": {"type": "object", "required": ["begin"],
                              "properties": {"begin": {"type": "integer", "minimum": 1},
                                             "end": {"type": "integer", "minimum": 1}}},
                },
            },
        },
    },
}


def document(**changes: Any) -> dict[str, Any]:
    return json.loads(render(make_result(**changes), "json"))


def test_junit_has_a_case_per_rule_and_a_failure_per_finding() -> None:
    doc = document()
    root = ElementTree.fromstring(junit.render(doc))
    assert root.tag == "testsuites"
    suite = root.find("testsuite")
    assert suite is not None
    cases = {case.get("name"): case for case in suite.findall("testcase")}
    assert set(cases) == {r["id"] for r in doc["rules"]} | {f["rule_id"] for f in doc["findings"]}
    failures = [f for case in cases.values() for f in case.findall("failure")]
    assert len(failures) == len(doc["findings"]) == int(root.get("failures", "-1"))
    assert int(suite.get("tests", "0")) == len(cases)
    assert int(suite.get("failures", "0")) == sum(1 for c in cases.values() if c.find("failure") is not None)
    assert len(cases["style/line-length"].findall("failure")) == 2
    # A message with markup and a line break stays data: the XML parses and gives it back.
    assert any("<b>html</b>" in (f.text or "") for f in failures)
    assert junit.render(doc) == junit.render(document())


def test_codeclimate_issues_validate_and_keep_their_fingerprints_across_line_moves() -> None:
    doc = document()
    issues = json.loads(codeclimate.render(doc))
    jsonschema.validate(issues, CODECLIMATE_SCHEMA)
    assert len(issues) == len(doc["findings"])
    assert {i["severity"] for i in issues} == {"critical", "major", "minor"}
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    tricky = next(i for i in issues if i["location"]["lines"]["begin"] == 1 and i["check_name"] == "style/line-length")
    assert tricky["location"]["lines"]["end"] >= 1  # a 0-based position becomes line 1
    result = make_result()
    moved = replace(result, findings=tuple(replace(f, location=replace(f.location, start_line=f.location.start_line + 7,
                                                                         end_line=f.location.end_line + 7))
                                           for f in result.findings))
    moved_issues = json.loads(codeclimate.render(json.loads(render(moved, "json"))))
    assert sorted(i["fingerprint"] for i in moved_issues) == sorted(i["fingerprint"] for i in issues)


# What GitLab's security report format 15.x requires of a SAST report (the official schema is
# not published in a registry this project can install from; see test_gitlab_sast_required_fields).
GITLAB_SAST_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["version", "scan", "vulnerabilities"],
    "properties": {
        "version": {"type": "string", "pattern": r"^15\.[0-9]+\.[0-9]+$"},
        "scan": {
            "type": "object",
            "required": ["analyzer", "scanner", "type", "start_time", "end_time", "status"],
            "properties": {
                "analyzer": {"$ref": "#/definitions/component"},
                "scanner": {"$ref": "#/definitions/component"},
                "type": {"const": "sast"},
                "start_time": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$"},
                "end_time": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$"},
                "status": {"enum": ["success", "failure"]},
            },
        },
        "vulnerabilities": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "identifiers", "location"],
                "properties": {
                    "id": {"type": "string", "minLength": 1},
                    "name": {"type": "string", "maxLength": 255},
                    "description": {"type": "string", "maxLength": 1048576},
                    "severity": {"enum": ["Info", "Unknown", "Low", "Medium", "High", "Critical"]},
                    "identifiers": {
                        "type": "array", "minItems": 1,
                        "items": {"type": "object", "required": ["type", "name", "value"],
                                  "properties": {k: {"type": "string", "minLength": 1}
                                                 for k in ("type", "name", "value", "url")}},
                    },
                    "location": {"type": "object", "required": ["file"],
                                 "properties": {"file": {"type": "string", "minLength": 1},
                                                "start_line": {"type": "integer", "minimum": 1},
                                                "end_line": {"type": "integer", "minimum": 1}}},
                },
            },
        },
    },
    "definitions": {
        "component": {
            "type": "object",
            "required": ["id", "name", "version", "vendor"],
            "properties": {"id": {"type": "string", "minLength": 1}, "name": {"type": "string", "minLength": 1},
                           "version": {"type": "string", "minLength": 1},
                           "vendor": {"type": "object", "required": ["name"],
                                      "properties": {"name": {"type": "string", "minLength": 1}}}},
        }
    },
}


def test_gitlab_sast_required_fields() -> None:
    doc = document()
    report = json.loads(gitlab.render(doc, STARTED, ENDED))
    jsonschema.Draft7Validator(GITLAB_SAST_SCHEMA).validate(report)
    assert report["scan"]["start_time"] == "2026-01-02T03:04:05" and report["scan"]["end_time"] == "2026-01-02T03:04:09"
    # Metrics are code quality, not vulnerabilities.
    assert {v["location"]["file"] for v in report["vulnerabilities"]} >= {"src/app.py"}
    assert all("metrics/" not in v["identifiers"][0]["value"] for v in report["vulnerabilities"])
    assert len(report["vulnerabilities"]) == sum(1 for f in doc["findings"] if not f["rule_id"].startswith("metrics/"))
    secret = next(v for v in report["vulnerabilities"] if v["severity"] == "High")
    assert {"type": "cwe", "name": "CWE-798", "value": "798",
            "url": "https://cwe.mitre.org/data/definitions/798.html"} in secret["identifiers"]
    again = json.loads(gitlab.render(document(), STARTED, ENDED))
    assert [v["id"] for v in again["vulnerabilities"]] == [v["id"] for v in report["vulnerabilities"]]


def test_severity_maps_to_each_format() -> None:
    result = make_result()
    only_notes = replace(result, findings=tuple(replace(f, severity=Severity.NOTE) for f in result.findings))
    doc = json.loads(render(only_notes, "json"))
    assert {i["severity"] for i in json.loads(codeclimate.render(doc))} == {"minor"}
    assert {v["severity"] for v in json.loads(gitlab.render(doc, STARTED, ENDED))["vulnerabilities"]} == {"Low"}
