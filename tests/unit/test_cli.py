"""The `shoal` command as a user runs it: a real process, real exit codes, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import HOUSE_RULE, init_repo

COMPLEX = "def tangled(a, b):\n" + "".join(f"    if a == {i} and b:\n        return {i}\n" for i in range(12)) + "    return b\n"


def shoal(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "shoal.cli", *args], cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "demo"
    root.mkdir()
    (root / "tangled.py").write_text(COMPLEX)
    (root / "simple.js").write_text("function add(a, b) { return a + b; }\n")
    init_repo(root, "c1")
    return root


def test_scan_prints_a_summary_and_the_report_paths(repo: Path, tmp_path: Path):
    done = shoal("scan", str(repo), "--workspace", str(tmp_path / "ws"), "--workers", "2", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "findings: warning" in done.stdout and "shoal.sarif" in done.stdout
    assert "passed" in done.stdout


def test_findings_at_the_threshold_exit_1_and_format_prints_the_report(repo: Path, tmp_path: Path):
    done = shoal("scan", str(repo), "--workspace", str(tmp_path / "ws"), "--fail-on", "warning",
                 "--format", "sarif", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    sarif = json.loads(done.stdout)
    assert sarif["runs"][0]["results"][0]["ruleId"] == "metrics/cyclomatic-complexity"


def _table_counts(stdout: str) -> dict[str, int]:
    counts = {}
    for line in stdout.splitlines():
        cells = [c.strip() for c in line.strip("│┃|").split("│") if c.strip()]
        if len(cells) == 2 and cells[1].replace(",", "").isdigit():
            counts[cells[0]] = int(cells[1].replace(",", ""))
    return counts


def test_the_summary_table_counts_what_the_json_report_counts(tmp_path: Path):
    folder = tmp_path / "plain"
    (folder / "vendor").mkdir(parents=True)
    (folder / "tangled.py").write_text("# tangled\n\n" + COMPLEX)
    (folder / "simple.js").write_text("function add(a, b) { return a + b; }\n")
    (folder / "vendor" / "lib.js").write_text("function v() {}\n")
    done = shoal("scan", str(folder), "--workspace", str(tmp_path / "ws"), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    report = next((tmp_path / "ws").glob("scans/*/report/findings.json"))
    expected = json.loads(report.read_bytes())["summary"]
    table = _table_counts(done.stdout)
    assert {kind: table[f"{kind} lines"] for kind in ("code", "comment", "blank")} == expected["lines"]
    assert table["functions"] == expected["functions"] == 2
    assert table["files excluded"] == sum(expected["exclusions_by_reason"].values()) >= 1
    # A scan finished by a Shoal whose summary had no totals: the table reads them from the report.
    from shoal.cli import _totals_from_report

    assert _totals_from_report(report) == {"lines": expected["lines"], "functions": 2,
                                           "excluded": table["files excluded"]}


@pytest.mark.parametrize(
    "target, ref, fragment",
    [
        ("ext::sh -c touch% /tmp/pwned", None, "ext::"),
        ("--upload-pack=touch /tmp/x", None, "-"),
        ("http://github.com/a/b", None, "https"),
        ("https://evil.example.com/a/b", None, "evil.example.com"),
        ("{missing}", None, "missing"),
        ("{repo}", "--output=/tmp/x", "ref"),
        ("{repo}", "no-such-branch", "no-such-branch"),
    ],
)
def test_bad_input_exits_2_with_a_clear_message_and_no_traceback(repo: Path, tmp_path: Path, target, ref, fragment):
    target = target.format(repo=repo, missing=tmp_path / "missing")
    args = ["scan", target, "--workspace", str(tmp_path / "ws")] + (["--ref", ref] if ref else [])
    done = shoal(*args, cwd=tmp_path)
    assert done.returncode == 2
    assert "error:" in done.stderr and "Traceback" not in done.stderr
    assert fragment in done.stderr


def test_unwritable_workspace_is_refused_before_any_work(repo: Path, tmp_path: Path):
    (tmp_path / "afile").write_text("not a folder")
    done = shoal("scan", str(repo), "--workspace", str(tmp_path / "afile" / "ws"), cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "cannot write to the workspace" in done.stderr and "--workspace" in done.stderr


def test_the_json_report_on_stdout_holds_per_function_metrics(repo: Path, tmp_path: Path):
    done = shoal("scan", str(repo), "--workspace", str(tmp_path / "ws"), "--format", "json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    by_path = {f["path"]: f for f in report["files"]}
    assert by_path["tangled.py"]["functions"][0]["ccn"] == 1 + 12 * 2  # 12 ifs, 12 ands
    assert by_path["simple.js"]["lines"] == {"code": 1, "comment": 0, "blank": 0}




def test_rules_list_and_show_describe_builtin_secret_and_metric_rules(tmp_path: Path):
    done = shoal("rules", "list", "--format", "json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    ids = {row["id"] for row in json.loads(done.stdout)}
    assert {"code-injection/python-eval", "secrets/aws-access-key-id", "metrics/cyclomatic-complexity"} <= ids
    shown = shoal("rules", "show", "code-injection/python-eval", cwd=tmp_path)
    assert shown.returncode == 0 and "CWE-95" in shown.stdout and "@finding" in shown.stdout
    missing = shoal("rules", "show", "nope/nothing", cwd=tmp_path)
    assert missing.returncode == 2 and "shoal rules list" in missing.stderr


def test_rules_test_checks_a_users_folder_like_the_builtin_rules(tmp_path: Path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "print.yaml").write_text(HOUSE_RULE)
    (rules / "print.py").write_text("# ruleid: house/python-print\nprint('x')\n# ok: house/python-print\nlogger.info('x')\n")
    passing = shoal("rules", "test", str(rules), cwd=tmp_path)
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert "PASS house/python-print" in passing.stdout and "1 of 1 rules pass" in passing.stdout
    (rules / "print.py").write_text("# ruleid: house/python-print\nlogger.info('x')\n# ok: house/python-print\nprint('x')\n")
    failing = shoal("rules", "test", str(rules), cwd=tmp_path)
    assert failing.returncode == 1
    assert "expected a finding of house/python-print, got none" in failing.stdout
    assert "unexpected finding of house/python-print (marked ok)" in failing.stdout
    (rules / "print.yaml").write_text(HOUSE_RULE.replace("(#eq? @fn", "(#eq? @missing"))
    broken = shoal("rules", "test", str(rules), cwd=tmp_path)
    assert broken.returncode == 2 and "Traceback" not in broken.stderr and "house/python-print" in broken.stderr


def test_a_partial_scan_exits_3_and_says_which_partitions_failed(repo: Path, tmp_path: Path):
    env = {**os.environ, "SHOAL_FAULTS": "p0000:raise", "SHOAL_AGENT_ATTEMPTS": "1"}
    done = subprocess.run([sys.executable, "-m", "shoal.cli", "scan", str(repo), "--workspace", str(tmp_path / "ws")],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 3, done.stderr
    assert "partial scan" in done.stderr and "p0000" in done.stderr and "Traceback" not in done.stderr


def test_clean_removes_finished_scans_and_a_bad_scan_id_is_refused(repo: Path, tmp_path: Path):
    workspace = tmp_path / "ws"
    assert shoal("scan", str(repo), "--workspace", str(workspace), "--scan-id", "demo", cwd=tmp_path).returncode == 0
    kept = shoal("clean", "--workspace", str(workspace), cwd=tmp_path)
    assert kept.returncode == 0 and "0 removed, 1 newer than 14 days kept" in kept.stdout
    done = shoal("clean", "--workspace", str(workspace), "--older-than", "0", cwd=tmp_path)
    assert done.returncode == 0 and "removed demo" in done.stdout
    assert not (workspace / "scans" / "demo").exists()
    bad = shoal("scan", str(repo), "--workspace", str(workspace), "--scan-id", "../evil", cwd=tmp_path)
    assert bad.returncode == 2 and "scan id" in bad.stderr and "Traceback" not in bad.stderr
