"""Fingerprints that survive moved code, and baselines that label findings new, unchanged or fixed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from shoal.scan.agent import FileChecks, analyse_file
from shoal.baseline import (
    COMMITTED_FILE, Baseline, baseline_path, branch_file, compare, find_baseline, repository_key, store,
)
from shoal.config import Thresholds
from shoal.errors import InputError
from shoal.models import finding_key
from shoal.models import Finding, Location, RuleMeta, ScanResult, Severity, SourceFile
from shoal.repoconfig import RepoConfig
from shoal.reports import render
from shoal.reports.jsonreport import failed
from shoal.scan.security import FindingPolicy, engine_for
from tests.helpers import sarif_validator

ORIGINAL = '''import hashlib
import subprocess


def digest(data):
    return hashlib.md5(data).hexdigest()


def run(cmd):
    subprocess.call(cmd, shell=True)
    subprocess.call(cmd, shell=True)
    return 0
'''

# Lines inserted above, the functions swapped, indentation changed around nothing flagged.
MOVED = '''"""A docstring that pushes every line down."""
import hashlib
import os
import subprocess


def run(cmd):
    # a comment added inside the function
    subprocess.call(cmd, shell=True)
    subprocess.call(cmd,   shell=True)
    return 0


def digest(data):
    return hashlib.md5(data).hexdigest()
'''


def findings_of(tmp_path: Path, text: str, name: str = "mod.py") -> list[Finding]:
    (tmp_path / name).write_text(text)
    checks = FileChecks(Thresholds(), engine_for(str(tmp_path), RepoConfig()), FindingPolicy.from_repo(RepoConfig()))
    _metrics, findings, _ = analyse_file(tmp_path, SourceFile(name, "python", len(text)), checks)
    return sorted(findings, key=lambda f: f.sort_key)


def by_rule(findings: list[Finding]) -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    for f in findings:
        table.setdefault(f.rule_id, []).append(f.fingerprint)
    return table


def test_fingerprints_survive_inserted_lines_and_moved_functions(tmp_path: Path):
    before, after = findings_of(tmp_path, ORIGINAL), findings_of(tmp_path, MOVED)
    assert {f.location.start_line for f in before} != {f.location.start_line for f in after}
    assert by_rule(before) == by_rule(after)
    assert sorted(f.fingerprint for f in before) == sorted(f.fingerprint for f in after)


def test_identical_code_in_one_function_gets_distinct_fingerprints(tmp_path: Path):
    shell = [f for f in findings_of(tmp_path, ORIGINAL) if "subprocess" in f.rule_id]
    assert len(shell) == 2
    assert shell[0].fingerprint != shell[1].fingerprint


def test_editing_the_flagged_code_or_moving_it_to_another_function_or_file_is_a_new_finding(tmp_path: Path):
    base = {finding_key(f) for f in findings_of(tmp_path, ORIGINAL)}
    edited = ORIGINAL.replace("hashlib.md5(data)", "hashlib.md5(data + b'salt')")
    renamed = ORIGINAL.replace("def digest(", "def checksum(")
    weak = "crypto/python-weak-hash"
    for text, name in ((edited, "mod.py"), (renamed, "mod.py"), (ORIGINAL, "elsewhere.py")):
        changed = [f for f in findings_of(tmp_path, text, name) if f.rule_id == weak]
        assert changed and finding_key(changed[0]) not in base


def test_a_renamed_files_findings_stay_unchanged_under_its_new_path():
    baseline = Baseline("repo", "main", "a" * 40, "0", (finding("r1", "old/a.py", "fp1"), finding("r2", "old/a.py", "fp2")))
    now = [finding("r1", "new/a.py", "fp1")]
    comparison = compare(now, baseline, "workspace", lambda p: True, renames={"old/a.py": "new/a.py"})
    assert comparison.state(now[0]) == "unchanged"
    assert [f.fingerprint for f in comparison.fixed] == ["fp2"]
    # Without the rename, the same finding at another path is another finding.
    assert compare(now, baseline, "workspace", lambda p: True).state(now[0]) == "new"


def finding(rule: str, path: str, fp: str, severity: Severity = Severity.ERROR, line: int = 1) -> Finding:
    return Finding(rule, severity, "high", f"{rule} here", Location(path, line, 1, line, 5), fp)


def test_compare_labels_new_and_unchanged_and_finds_fixed_only_in_compared_files():
    baseline = Baseline("repo", "main", "a" * 40, "0", (
        finding("r1", "a.py", "kept"), finding("r2", "a.py", "gone"), finding("r3", "other.py", "unscanned"),
    ))
    now = [finding("r1", "a.py", "kept", line=9), finding("r4", "a.py", "fresh")]
    comparison = compare(now, baseline, "workspace", {"a.py"}.__contains__)
    assert [comparison.state(f) for f in now] == ["unchanged", "new"]
    assert [f.fingerprint for f in comparison.fixed] == ["gone"]  # not "unscanned": other.py was not analysed
    assert comparison.counts(now) == {"new": 1, "unchanged": 1, "fixed": 1}


def result_with(comparison, findings, fail_on_new_only=True) -> ScanResult:
    rules = tuple(RuleMeta(r, r.upper(), "d", Severity.ERROR) for r in ("r1", "r2", "r4"))
    return ScanResult("s", "https://github.com/o/r", "b" * 40, "main", (), tuple(findings), (), rules, "0",
                      baseline=comparison, fail_on_new_only=fail_on_new_only)


def test_reports_put_new_and_fixed_first_and_sarif_has_baseline_states():
    baseline = Baseline("repo", "main", "a" * 40, "0", (finding("r1", "a.py", "kept"), finding("r2", "a.py", "gone")))
    now = [finding("r1", "a.py", "kept"), finding("r4", "a.py", "fresh", Severity.NOTE)]
    result = result_with(compare(now, baseline, "workspace", lambda p: True), now)
    sarif = json.loads(render(result, "sarif"))
    sarif_validator().validate(sarif)
    states = [(r["ruleId"], r["baselineState"]) for r in sarif["runs"][0]["results"]]
    assert states == [("r1", "unchanged"), ("r4", "new"), ("r2", "absent")]
    fixed = sarif["runs"][0]["results"][2]
    assert (fixed["kind"], fixed["level"], fixed["properties"]["baselineLevel"]) == ("pass", "none", "error")
    document = json.loads(render(result, "json"))
    assert {k: document["summary"]["baseline"][k] for k in ("new", "fixed", "unchanged")} == {
        "new": 1, "fixed": 1, "unchanged": 1}
    assert [f["baseline_state"] for f in document["findings"]] == ["unchanged", "new"]
    assert [f["fingerprint"] for f in document["fixed_findings"]] == ["gone"]
    markdown = render(result, "md").decode()
    assert markdown.index("**1 new**, **1 fixed**") < markdown.index("## Summary")


def test_with_a_baseline_only_new_findings_fail_the_scan_unless_configured_otherwise():
    baseline = Baseline("repo", "main", "a" * 40, "0", (finding("r1", "a.py", "old-error"),))
    now = [finding("r1", "a.py", "old-error"), finding("r4", "a.py", "new-note", Severity.NOTE)]
    comparison = compare(now, baseline, "workspace", lambda p: True)
    assert not failed(result_with(comparison, now))  # the only error is an old one
    assert failed(result_with(comparison, now, fail_on_new_only=False))
    assert failed(result_with(None, now))  # no baseline: every finding counts


def test_baselines_are_stored_per_repository_and_branch_and_the_committed_file_wins(tmp_path: Path):
    workspace, src = tmp_path / "ws", tmp_path / "src"
    src.mkdir()
    stored = Baseline("https://github.com/o/r.git", "release/1.0", "c" * 40, "0", (finding("r1", "a.py", "x"),))
    path = store(workspace, stored)
    assert path == baseline_path(workspace, "https://github.com/o/r.git", "release/1.0")
    assert path.parent.parent == workspace / "baselines" and path.name == "release%2F1.0.json"
    assert branch_file("../../etc") == "..%2F..%2Fetc.json"
    assert repository_key("https://github.com/o/r.git") != repository_key("https://github.com/p/r.git")
    assert find_baseline(workspace, src, "https://github.com/o/r.git", "release/1.0") == (stored, "workspace")
    assert find_baseline(workspace, src, "https://github.com/o/other.git", "release/1.0") is None
    committed = Baseline("r", "main", "d" * 40, "0", ())
    (src / COMMITTED_FILE).write_bytes(committed.to_bytes())
    assert find_baseline(workspace, src, "https://github.com/o/r.git", "release/1.0") == (committed, "committed")


def test_the_default_branch_baseline_stands_in_for_a_branch_without_one(tmp_path: Path):
    workspace, src = tmp_path / "ws", tmp_path / "src"
    src.mkdir()
    default = Baseline("repo", "HEAD", "e" * 40, "0", ())
    store(workspace, default)
    assert find_baseline(workspace, src, "repo", "main") == (default, "workspace")
    assert find_baseline(workspace, src, "repo", "main", default_branch="main") == (default, "workspace")
    # A pull request into another branch than the default one is not judged by the default's.
    assert find_baseline(workspace, src, "repo", "release", default_branch="main") is None


def test_a_broken_baseline_file_is_a_clear_error(tmp_path: Path):
    (tmp_path / COMMITTED_FILE).write_text('{"schema": "something else"}')
    with pytest.raises(InputError, match="not a Shoal baseline.*shoal baseline create"):
        find_baseline(tmp_path / "ws", tmp_path, "repo", None)
    (tmp_path / COMMITTED_FILE).write_text("not json")
    with pytest.raises(InputError, match="not a Shoal baseline"):
        find_baseline(tmp_path / "ws", tmp_path, "repo", None)


def test_fail_scope_and_all_findings_come_from_the_environment_and_are_checked():
    from shoal.config import Settings, settings_from_env

    settings = settings_from_env({"SHOAL_FAIL_SCOPE": "all", "SHOAL_ALL_FINDINGS": "true"})
    assert (settings.fail_scope, settings.all_findings) == ("all", True)
    assert settings_from_env({}).fail_scope == "new"
    with pytest.raises(InputError, match="fail_scope"):
        Settings(fail_scope="some")
