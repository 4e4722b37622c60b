"""The `shoal` command as a user runs it: a real process, real exit codes, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

COMPLEX = "def tangled(a, b):\n" + "".join(f"    if a == {i} and b:\n        return {i}\n" for i in range(12)) + "    return b\n"


def shoal(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "shoal.cli", *args], cwd=cwd, capture_output=True, text=True, timeout=300)


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "demo"
    root.mkdir()
    (root / "tangled.py").write_text(COMPLEX)
    (root / "simple.js").write_text("function add(a, b) { return a + b; }\n")
    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "c1"], check=True)
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
