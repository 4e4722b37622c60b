"""Incremental full scans end to end: a second scan of a repository analyses only what changed since
the first and reuses the rest, and its reports are byte-identical to a scan that analysed
everything. Real CLI, real git, simplejson's sdist from PyPI as the repository."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import commit_all, git

REPORTS = ("findings.json", "shoal.sarif", "summary.md")


def shoal(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "shoal.cli", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, env={**os.environ, **(env or {})})


@pytest.fixture()
def repo(corpus_repo: tuple[Path, str], tmp_path: Path) -> Path:
    target = tmp_path / "simplejson"
    shutil.copytree(corpus_repo[0], target, symlinks=True)
    return target


def scan(repo: Path, workspace: Path, scan_id: str, *extra: str, env: dict[str, str] | None = None) -> dict:
    done = shoal("scan", str(repo), "--workspace", str(workspace), "--scan-id", scan_id, "--workers", "2",
                 "--fail-on", "none", *extra, cwd=workspace.parent, env=env)
    assert done.returncode == 0, done.stderr
    folder = workspace / "scans" / scan_id
    manifest = json.loads((folder / "checkout.json").read_text())
    return {
        "reports": {name: (folder / "report" / name).read_bytes() for name in REPORTS},
        "incremental": manifest.get("incremental"),
        "output": done.stdout + done.stderr,
    }


def new_workspace(tmp_path: Path, name: str = "ws") -> Path:
    workspace = tmp_path / name
    workspace.mkdir()
    return workspace


def full_scan(repo: Path, tmp_path: Path, scan_id: str) -> dict:
    """The reference: a fresh workspace, so every file is analysed."""
    workspace = new_workspace(tmp_path, f"fresh-{scan_id}")
    result = scan(repo, workspace, scan_id)
    assert result["incremental"] is None
    return result


def change(repo: Path) -> None:
    """A bit of everything a push does: edit, add, delete, rename, a symlink, a vendored file,
    a new finding, a secret in a text file."""
    package = repo / "simplejson"
    (package / "encoder.py").write_text((package / "encoder.py").read_text() + "\n\ndef run(x):\n    return eval(x)\n")
    (package / "extra.py").write_text("import os\n\n\ndef launch(cmd):\n    os.system(cmd)\n")
    git(repo, "rm", "-q", "simplejson/tool.py", "vendor/old.js")  # a file, and an excluded folder with it
    git(repo, "mv", "simplejson/ordered_dict.py", "simplejson/compat_dict.py")
    os.symlink("encoder.py", package / "alias.py")
    (repo / "node_modules" / "left-pad").mkdir(parents=True)
    (repo / "node_modules" / "left-pad" / "index.js").write_text("module.exports = function (s) { return s; };\n")
    (repo / "deploy.sh").write_text("export GH_TOKEN=ghp_" + "k3Xq9Lm2Vb7Rt5Wz8Yc1Nd4Pf6Gh0J3siV41" + "\n")
    commit_all(repo, "change")


def test_a_second_scan_reuses_unchanged_files_and_reports_exactly_what_a_full_scan_does(repo: Path, tmp_path: Path):
    (repo / "vendor").mkdir()
    (repo / "vendor" / "old.js").write_text("function old() { return 1; }\n")
    commit_all(repo, "vendored code")
    workspace = new_workspace(tmp_path)
    first = scan(repo, workspace, "a")
    assert first["incremental"] is None  # nothing to start from yet
    snapshots = list((workspace / "cache" / "repos").glob("*/results/*.json.gz"))
    assert len(snapshots) == 1

    change(repo)
    second = scan(repo, workspace, "b")
    partial = second["incremental"]
    assert partial is not None and partial["since"] == first_commit(snapshots[0])
    exported = set(partial["exported"])
    assert {"simplejson/encoder.py", "simplejson/extra.py", "simplejson/compat_dict.py", "simplejson/alias.py",
            "deploy.sh", "node_modules/left-pad/index.js"} <= exported
    assert "simplejson/decoder.py" not in exported and not (workspace / "scans/b/src/simplejson/decoder.py").exists()
    assert "files reused (unchanged)" in second["output"]

    reference = full_scan(repo, tmp_path, "b")
    for name in REPORTS:
        assert second["reports"][name] == reference["reports"][name], name
    report = json.loads(second["reports"]["findings.json"])
    paths = {f["path"] for f in report["files"]}
    assert "simplejson/tool.py" not in paths and "simplejson/ordered_dict.py" not in paths
    excluded = {e["path"]: e["reason"] for e in report["exclusions"]}
    assert "vendor" not in excluded and excluded["node_modules"] == "vendored" and excluded["simplejson/alias.py"] == "symlink"
    assert {"simplejson/decoder.py", "simplejson/compat_dict.py", "simplejson/extra.py"} <= paths
    rules = {(f["rule_id"], f["location"]["path"]) for f in report["findings"]}
    assert ("code-injection/python-eval", "simplejson/encoder.py") in rules
    assert any(path == "deploy.sh" for _, path in rules)


def first_commit(snapshot: Path) -> str:
    with gzip.open(snapshot) as stream:
        return json.loads(stream.readline())["commit"]


def test_a_change_to_what_configures_the_scan_means_a_full_scan(repo: Path, tmp_path: Path):
    workspace = new_workspace(tmp_path)
    scan(repo, workspace, "a")
    (repo / ".gitignore").write_text((repo / ".gitignore").read_text() + "simplejson/tests/\n"
                                     if (repo / ".gitignore").exists() else "simplejson/tests/\n")
    commit_all(repo, "ignore the tests")
    second = scan(repo, workspace, "b")
    assert second["incremental"] is None
    assert second["reports"] == full_scan(repo, tmp_path, "b")["reports"]


def test_other_settings_full_and_a_damaged_snapshot_each_mean_a_full_scan(repo: Path, tmp_path: Path):
    workspace = new_workspace(tmp_path)
    scan(repo, workspace, "a")
    (repo / "simplejson" / "extra.py").write_text("def f(x):\n    return x\n")
    commit_all(repo, "one more file")
    # Other thresholds: the snapshot was made under another analysis key.
    assert scan(repo, workspace, "limits", env={"SHOAL_MAX_CCN": "3"})["incremental"] is None
    # --full asks for it.
    assert scan(repo, workspace, "full", "--full")["incremental"] is None
    # A torn snapshot is passed over, never trusted.
    for snapshot in (workspace / "cache" / "repos").glob("*/results/*.json.gz"):
        snapshot.write_bytes(snapshot.read_bytes()[:200])
    damaged = scan(repo, workspace, "b")
    assert damaged["incremental"] is None
    assert damaged["reports"] == full_scan(repo, tmp_path, "b")["reports"]


def test_files_whose_analysis_left_a_diagnostic_are_analysed_again(repo: Path, tmp_path: Path):
    workspace = new_workspace(tmp_path)
    (repo / "simplejson" / "latin1.py").write_bytes(b"# caf\xe9\ndef f():\n    return 1\n")
    commit_all(repo, "a Latin-1 file")
    scan(repo, workspace, "a")
    (repo / "README.extra").write_text("more\n")
    commit_all(repo, "docs")
    second = scan(repo, workspace, "b")
    assert second["incremental"] is not None
    assert "simplejson/latin1.py" in second["incremental"]["exported"]  # not valid UTF-8: redone
    assert second["reports"] == full_scan(repo, tmp_path, "b")["reports"]
