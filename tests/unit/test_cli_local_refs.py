"""Refs as a developer types them for a repository on this machine, and the branch a local scan
and its baseline are filed under."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import commit_all, git, init_repo


def shoal(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "shoal.cli", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


@pytest.fixture()
def history(tmp_path: Path) -> tuple[Path, list[str]]:
    """A repository on `main` with three commits: the first has a finding, later ones do not."""
    root = tmp_path / "repo"
    root.mkdir()
    (root / "app.py").write_text("import pickle\n\n\ndef load(b):\n    return pickle.loads(b)\n")
    commits = [init_repo(root, "one")]
    (root / "app.py").write_text("import json\n\n\ndef load(b):\n    return json.loads(b)\n")
    commits.append(commit_all(root, "two"))
    (root / "README").write_text("docs\n")
    commits.append(commit_all(root, "three"))
    git(root, "update-ref", "refs/remotes/origin/main", commits[0])
    return root, commits


def scanned_commit(root: Path, tmp_path: Path, *args: str) -> str:
    done = shoal("scan", str(root), "--workspace", str(tmp_path / "ws"), "--format", "json", *args, cwd=root)
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)["scan"]["commit"]


@pytest.mark.parametrize("ref, index", [("HEAD~2", 0), ("HEAD^", 1), ("HEAD~1", 1), ("origin/main", 0)])
def test_relative_and_remote_tracking_refs_resolve_with_the_local_repository(history, tmp_path, ref, index):
    root, commits = history
    assert scanned_commit(root, tmp_path, "--ref", ref) == commits[index]


def test_a_short_sha_and_a_diff_base_resolve_too(history, tmp_path):
    root, commits = history
    assert scanned_commit(root, tmp_path, "--ref", commits[1][:8]) == commits[1]
    done = shoal("scan", str(root), "--workspace", str(tmp_path / "ws"), "--base", "HEAD~2", "--format", "json",
                 cwd=root)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["summary"]["diff"]["base"] == commits[0]


def test_a_ref_that_names_nothing_or_looks_like_an_option_is_refused_clearly(history, tmp_path):
    root, _ = history
    for ref, says in (("HEAD~9", "has no branch, tag or commit 'HEAD~9'"), ("--upload-pack=x", "starts with '-'")):
        done = shoal("scan", str(root), "--workspace", str(tmp_path / "ws"), f"--ref={ref}", cwd=root)
        assert done.returncode == 2 and says in done.stderr and "Traceback" not in done.stderr


def test_a_baseline_created_on_a_branch_is_stored_under_its_name(history, tmp_path):
    root, commits = history
    created = shoal("baseline", "create", ".", "--workspace", str(tmp_path / "ws"), cwd=root)
    assert created.returncode == 0, created.stderr
    assert list((tmp_path / "ws" / "baselines").glob("*/main.json"))
    shown = shoal("baseline", "show", ".", "--workspace", str(tmp_path / "ws"), cwd=root)
    assert f"main at {commits[2][:12]}" in shown.stdout


def test_a_repository_without_commits_gets_a_clear_error(tmp_path):
    root = tmp_path / "fresh"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    (root / "a.py").write_text("x = 1\n")
    done = shoal("scan", ".", "--workspace", str(tmp_path / "ws"), cwd=root)
    assert done.returncode == 2
    assert "has no commits yet" in done.stderr and "git commit" in done.stderr
