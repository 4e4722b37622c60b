"""Rules with a `fix`: every built-in fix applied to its rule's `ruleid:` samples removes the finding
and leaves a file that still parses; the fix travels in findings.json and as SARIF `fixes`."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from shoal.analysis import parser
from shoal.languages import detect_language
from shoal.models import Finding, Fix
from shoal.reports import render
from shoal.rules import fixes
from shoal.rules.engine import RuleEngine
from shoal.rules.registry import RuleError, RuleSet, builtin_folder, load_rule_file, parse_rule, rule_files
from shoal.rules.samples import sample_files
from tests.helpers import sarif_validator
from tests.unit.test_reports import make_result

FIXABLE = [p for p in rule_files(builtin_folder()) if "\nfix:" in p.read_text("utf-8")]


def _run(rule_file: Path, sample: Path, source: bytes) -> list[Finding]:
    engine = RuleEngine(RuleSet((load_rule_file(rule_file),)))
    language = detect_language(sample.name)
    findings, diagnostics = engine.run(language, parser.parse(source, language), source, sample.name)
    assert not diagnostics
    return findings


def test_at_least_twenty_builtin_rules_carry_a_fix() -> None:
    assert len(FIXABLE) >= 20, [p.name for p in FIXABLE]


@pytest.mark.parametrize("rule_file", FIXABLE, ids=[p.stem + ":" + p.parent.name for p in FIXABLE])
def test_applying_the_fix_removes_the_finding_and_the_file_still_parses(rule_file: Path) -> None:
    fixed_somewhere = 0
    for sample in sample_files(rule_file):
        source = sample.read_bytes()
        language = detect_language(sample.name)
        found = _run(rule_file, sample, source)
        with_fix = [f for f in found if f.fix is not None]
        fixed_somewhere += len(with_fix)
        patched = fixes.apply(source, [f.fix for f in with_fix if f.fix is not None])
        assert not parser.parse(patched, language).root_node.has_error, patched.decode()
        left = {f.location.start_line for f in _run(rule_file, sample, patched)}
        assert left == {f.location.start_line for f in found if f.fix is None}, patched.decode()
        for finding in with_fix:
            assert finding.fix is not None
            # The suggestion is the patched file's lines, exactly as GitHub would apply it.
            lines = patched.decode().splitlines()[finding.fix.first_line - 1:finding.fix.last_line]
            assert finding.fix.lines == "\n".join(lines)
    assert fixed_somewhere, f"no ruleid: sample of {rule_file.name} gets a fix"


def _rule(fix: dict[str, str]) -> dict[str, object]:
    return {"id": "test/fix", "name": "TestFix", "severity": "warning", "confidence": "high", "message": "m",
            "languages": ["python"], "queries": ['((call function: (identifier) @fn) @finding (#eq? @fn "f"))'],
            "fix": fix}


@pytest.mark.parametrize(("fix", "problem"), [
    ({"capture": "nope", "replace": "x"}, "@nope, which no query defines"),
    ({"replace": "g({missing})"}, "@missing, which no query defines"),
    ({"regex": "(", "replace": "x"}, "fix.regex is invalid"),
    ({"regex": "f"}, "'replace' is a required property"),
])
def test_a_broken_fix_is_refused_with_the_rule_and_the_problem(fix: dict[str, str], problem: str) -> None:
    with pytest.raises(RuleError) as caught:
        parse_rule(_rule(fix), "mine.yaml")
    assert "mine.yaml: rule test/fix" in caught.value.message and problem in caught.value.message


def test_placeholders_and_regex_groups_fill_the_replacement(tmp_path: Path) -> None:
    rule = parse_rule(_rule({"regex": r"(?s)^f\((.*)\)$", "replace": r"{fn}_safe(\1, strict=True)"}), "mine.yaml")
    source = b"x = 1\ny = f(a,\n      b)  # tail\n"
    findings, _ = RuleEngine(RuleSet((rule,))).run("python", parser.parse(source, "python"), source, "m.py")
    fix = findings[0].fix
    assert fix is not None
    assert (fix.first_line, fix.last_line) == (2, 3)
    assert fix.lines == "y = f_safe(a,\n      b, strict=True)  # tail"
    assert fixes.apply(source, [fix]) == b"x = 1\ny = f_safe(a,\n      b, strict=True)  # tail\n"
    # Round trip, and fingerprints do not depend on the fix.
    assert Finding.from_dict(json.loads(json.dumps(findings[0].to_dict()))) == findings[0]
    assert replace(findings[0], fix=None).fingerprint == findings[0].fingerprint


def test_sarif_carries_the_fix_and_validates() -> None:
    result = make_result()
    first = result.findings[1]
    fix = Fix(replace(first.location, start_col=9, end_col=30), '"<from the environment>"', 20, 20,
              'API_KEY = "<from the environment>"', "Read it from the environment")
    document = json.loads(render(replace(result, findings=(result.findings[0], replace(first, fix=fix),
                                                            *result.findings[2:])), "sarif"))
    sarif_validator().validate(document)
    with_fix = [r for r in document["runs"][0]["results"] if "fixes" in r]
    assert len(with_fix) == 1
    change = with_fix[0]["fixes"][0]["artifactChanges"][0]
    assert change["artifactLocation"]["uri"] == "src/app.py"
    assert change["replacements"] == [{"deletedRegion": {"startLine": 20, "startColumn": 9, "endLine": 20,
                                                         "endColumn": 30},
                                       "insertedContent": {"text": '"<from the environment>"'}}]
    assert with_fix[0]["fixes"][0]["description"] == {"text": "Read it from the environment"}
    # A report without fixes is unchanged: no empty "fix" or "fixes" keys.
    plain = json.loads(render(result, "json"))
    assert all("fix" not in f for f in plain["findings"])


def test_rules_show_says_what_the_fix_replaces() -> None:
    from rich.console import Console

    from shoal.rules.registry import builtin_rules
    from shoal.rulescli import _show

    console = Console(record=True, width=400)
    assert _show("crypto/python-weak-hash", builtin_rules(), console) == 0
    text = console.export_text()
    assert 'fix          @fn (the first match of /^hashlib\\.(?:md5|sha1|md4)$/ in it) becomes "hashlib.sha256": Use SHA-256' in text
