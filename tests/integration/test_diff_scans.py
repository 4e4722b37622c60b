"""Pull-request scans and baselines end to end, on a real git repository: `shoal baseline create`,
then `shoal scan --base`, through the durable orchestrator and the agents."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from shoal.local.engine import LocalEngine

from tests.helpers import git, sarif_validator

APP = '''import hashlib
import subprocess

from flask import request


def digest(data):
    return hashlib.md5(data).hexdigest()


def run(cmd):
    return subprocess.call(cmd + request.args["flags"], shell=True)


def evaluate(text):
    return eval(text + request.args["suffix"])
'''

# Lines added above, run() moved below evaluate(), md5 replaced (fixed), a new os.system (new).
# Request data reaches each sink: injection rules report errors only for flows from a source.
APP_CHANGED = '''"""Tools, documented at last."""
import hashlib
import os
import subprocess

from flask import request


def digest(data):
    return hashlib.sha256(data).hexdigest()


def evaluate(text):
    return eval(text + request.args["suffix"])


def run(cmd):
    return subprocess.call(cmd + request.args["flags"], shell=True)


def launch(cmd):
    os.system(cmd + request.args["host"])
'''


def commit(repo: Path, files: dict[str, str | None], message: str) -> None:
    for path, text in files.items():
        target = repo / path
        if text is None:
            git(repo, "rm", "-q", path)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("diffrepo") / "tools"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    commit(repo, {
        "app.py": APP,
        "lib/other.py": "def f(x):\n    return eval(x)\n",
        "lib/untouched.py": "import os\n\n\ndef g(c):\n    os.system(c)\n",
        "docs.py": "def doc():\n    return 'plain'\n",
        "legacy.py": "def old(x):\n    return eval(x)\n",
    }, "main")
    git(repo, "checkout", "-q", "-b", "feature")
    commit(repo, {"app.py": APP_CHANGED, "lib/other.py": None}, "feature work")
    (repo / "pkg").mkdir()
    git(repo, "mv", "docs.py", "pkg/docs.py")
    git(repo, "mv", "legacy.py", "pkg/legacy.py")
    git(repo, "commit", "-q", "-m", "move docs")
    git(repo, "checkout", "-q", "main")
    return repo


def shoal(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "shoal.cli", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


@pytest.fixture(scope="module")
def baseline_workspace(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    workspace = tmp_path_factory.mktemp("ws")
    done = shoal("baseline", "create", str(repo), "--ref", "main", "--workspace", str(workspace), "--workers", "1",
                 cwd=workspace)
    assert done.returncode == 0, done.stderr
    assert "6 findings" in done.stdout
    return workspace


def fresh_workspace(baseline_workspace: Path, where: Path) -> Path:
    shutil.copytree(baseline_workspace / "baselines", where / "baselines")
    return where


def by_rule(findings: list[dict[str, Any]]) -> dict[str, str]:
    return {f["rule_id"] + "@" + f["location"]["path"]: f.get("baseline_state", "") for f in findings}


def test_baseline_show_prints_the_stored_baseline(repo: Path, baseline_workspace: Path):
    done = shoal("baseline", "show", str(repo), "--branch", "main", "--workspace", str(baseline_workspace),
                 cwd=baseline_workspace)
    assert done.returncode == 0, done.stderr
    assert "main at" in done.stdout and "code-injection/python-eval" in done.stdout
    missing = shoal("baseline", "show", str(repo), "--branch", "nope", "--workspace", str(baseline_workspace),
                    cwd=baseline_workspace)
    assert missing.returncode == 2 and "no baseline" in missing.stderr and "Traceback" not in missing.stderr


def test_a_pull_request_scan_reports_new_findings_on_changed_lines_and_what_it_fixed(
    repo: Path, baseline_workspace: Path, tmp_path: Path
):
    workspace = fresh_workspace(baseline_workspace, tmp_path / "ws")
    done = shoal("scan", str(repo), "--head", "feature", "--base", "main", "--workspace", str(workspace),
                 "--format", "json", cwd=tmp_path)
    assert done.returncode == 1, done.stderr  # the new os.system is an error
    report = json.loads(done.stdout)
    summary = report["summary"]
    # Only the touched files were analysed: not lib/untouched.py, whose os.system is old news.
    assert sorted(f["path"] for f in report["files"]) == ["app.py", "pkg/docs.py", "pkg/legacy.py"]
    assert summary["diff"]["deleted"] == ["lib/other.py"]
    assert summary["diff"]["files_touched"] == 3 and summary["diff"]["files_renamed"] == 2
    # One of run() and evaluate() moved (git's diff decides which counts as added): its finding is
    # on changed lines but unchanged; the other's is off the changed lines and not reported.
    states = by_rule(report["findings"])
    assert states.pop("command-injection/python-os-system@app.py") == "new"
    assert list(states.values()) == ["unchanged"]
    assert set(states) < {"command-injection/python-subprocess-shell@app.py", "code-injection/python-eval@app.py"}
    # ...and so is legacy.py's eval(): a pure rename changes no line.
    assert summary["diff"]["findings_off_changed_lines"] == 2
    assert {f["rule_id"] + "@" + f["location"]["path"] for f in report["fixed_findings"]} == {
        "crypto/python-weak-hash@app.py", "code-injection/python-eval@lib/other.py"}
    assert {k: summary["baseline"][k] for k in ("new", "fixed", "unchanged")} == {"new": 1, "fixed": 2, "unchanged": 1}
    markdown = (workspace / "scans").glob("*/report/summary.md").__next__().read_text()
    assert markdown.index("**1 new**, **2 fixed**") < markdown.index("## Change scanned") < markdown.index("## Summary")
    assert "count only the touched files" in markdown and "Deleted: lib/other.py" in markdown
    assert "new findings" in done.stderr  # the summary table, new and fixed first
    assert done.stderr.index("new findings") < done.stderr.index("fixed findings") < done.stderr.index("files analysed")


def test_all_findings_reports_every_finding_in_the_touched_files(repo: Path, baseline_workspace: Path, tmp_path: Path):
    workspace = fresh_workspace(baseline_workspace, tmp_path / "ws")
    done = shoal("scan", str(repo), "--ref", "feature", "--base", "main", "--all-findings", "--workspace",
                 str(workspace), "--format", "json", cwd=tmp_path)
    report = json.loads(done.stdout)
    assert by_rule(report["findings"]) == {
        "command-injection/python-os-system@app.py": "new",
        "command-injection/python-subprocess-shell@app.py": "unchanged",  # moved code: the same findings
        "code-injection/python-eval@app.py": "unchanged",
        "code-injection/python-eval@pkg/legacy.py": "unchanged",  # renamed: matched under its new path
    }
    assert report["summary"]["diff"]["findings"] == "all in touched files"


def test_only_new_findings_fail_a_scan_against_a_baseline_unless_fail_scope_is_all(
    repo: Path, baseline_workspace: Path, tmp_path: Path
):
    # main scanned against its own baseline: every finding is unchanged, so the scan passes...
    workspace = fresh_workspace(baseline_workspace, tmp_path / "ws")
    done = shoal("scan", str(repo), "--ref", "main", "--workspace", str(workspace), cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "passed" in done.stdout
    # ...unless every finding counts.
    strict = shoal("scan", str(repo), "--ref", "main", "--workspace", str(workspace), "--fail-scope", "all",
                   "--scan-id", "strict", cwd=tmp_path)
    assert strict.returncode == 1


def engine_scan(repo: Path, workspace: Path, workers: int, fanout: str, **event: Any) -> dict[str, Any]:
    engine = LocalEngine(workers, {"SHOAL_WORKSPACE": str(workspace)})
    options = {"workspace": str(workspace), "max_partitions": 4, "max_concurrency": 4, "fanout": fanout,
               "min_partition_bytes": 64}
    summary = engine.run({"scan_id": "pr", "repository": str(repo), "ref": "feature", "base": "main",
                          "options": options, **event}, "shoal-agent")
    checkout_result = next(op for op in engine.last_operations if op.name == "checkout").result
    assert len(checkout_result) < 2048 and "deleted" in checkout_result  # counts only, never the path lists
    return summary


def test_diff_scan_reports_are_byte_identical_whatever_the_workers_and_sarif_is_valid(
    repo: Path, baseline_workspace: Path, tmp_path: Path
):
    reports = []
    for index, (workers, fanout) in enumerate(((1, "invoke"), (2, "invoke"), (1, "inline"))):
        workspace = fresh_workspace(baseline_workspace, tmp_path / f"ws{index}")
        summary = engine_scan(repo, workspace, workers, fanout, baseline={"branch": "main"})
        reports.append({fmt: (workspace / rel).read_bytes() for fmt, rel in summary["reports"].items()})
    assert reports[0] == reports[1] == reports[2]
    sarif = json.loads(reports[0]["sarif"])
    sarif_validator().validate(sarif)
    states = sorted(r["baselineState"] for r in sarif["runs"][0]["results"])
    assert states == ["absent", "absent", "new", "unchanged"]


def test_a_committed_baseline_file_is_honoured(repo: Path, baseline_workspace: Path, tmp_path: Path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(repo), str(clone)], check=True)
    git(clone, "checkout", "-q", "feature")
    workspace = tmp_path / "ws"
    made = shoal("baseline", "create", str(clone), "--ref", "main", "--workspace", str(workspace),
                 "--output", str(clone / ".shoal-baseline.json"), "--workers", "1", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    shown = shoal("baseline", "show", str(clone / ".shoal-baseline.json"), cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert re.search(r"findings\s+│\s+6\s+│", shown.stdout) and "main at" in shown.stdout
    commit(clone, {}, "accept the current findings")
    shutil.rmtree(workspace / "baselines")  # only the committed file is left to compare with
    summary = engine_scan(clone, workspace, 1, "inline")
    report = json.loads((workspace / summary["reports"]["json"]).read_bytes())
    assert report["summary"]["baseline"]["source"] == "committed"
    assert summary["baseline"] == {"new": 1, "unchanged": 1, "fixed": 2}


def test_a_default_branch_scan_that_stores_a_baseline_replaces_it(repo: Path, tmp_path: Path):
    workspace = tmp_path / "ws"
    engine = LocalEngine(1, {"SHOAL_WORKSPACE": str(workspace)})
    options = {"workspace": str(workspace), "fanout": "inline"}
    first = engine.run({"scan_id": "push1", "repository": str(repo), "ref": "main", "options": options,
                        "baseline": {"branch": "main", "store": True}}, "shoal-agent")
    assert first["baseline_stored"].startswith("baselines/") and "baseline" not in first
    second = engine.run({"scan_id": "push2", "repository": str(repo), "ref": "feature", "options": options,
                         "baseline": {"branch": "main", "store": True}}, "shoal-agent")
    # The feature tree scanned in full against main's baseline, then stored as main's. A full scan
    # knows no renames: legacy.py's eval() is fixed at its old path and new at its new one.
    assert second["baseline"] == {"new": 2, "unchanged": 3, "fixed": 3}
    stored = json.loads((workspace / second["baseline_stored"]).read_bytes())
    assert stored["commit"] == second["commit"]
    # A diff scan never replaces a baseline: it saw only part of the tree.
    third = engine.run({"scan_id": "pr3", "repository": str(repo), "ref": "feature", "base": "main",
                        "options": options, "baseline": {"branch": "main", "store": True}}, "shoal-agent")
    assert third["baseline_stored"] is None
