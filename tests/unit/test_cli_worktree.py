"""`shoal scan <dir>` of a git working tree scans what is on disk, through the real CLI: uncommitted
edits, untracked files not ignored, no deleted ones; a clean tree, or --ref, scans the commit."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from shoal.source.worktree import LocalTarget, enclosing_repository
from tests.helpers import commit_all, git, init_repo

EVAL = "eval(input())\n"
DIRTY = "with uncommitted changes"


def shoal(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "shoal.cli", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


def scan_json(target: Path, tmp_path: Path, *args: str) -> dict[str, Any]:
    done = shoal("scan", str(target), "--workspace", str(tmp_path / "ws"), "--format", "json", *args, cwd=target)
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


def finding_paths(report: dict[str, Any]) -> list[str]:
    return sorted(f["location"]["path"] for f in report["findings"] if f["rule_id"] == "code-injection/python-eval")


def scanned_paths(report: dict[str, Any]) -> list[str]:
    return sorted(f["path"] for f in report["files"])


@pytest.fixture()
def repo(tmp_path: Path) -> tuple[Path, str]:
    """A committed repository with no finding, a .gitignore and a subfolder; its root and commit."""
    root = tmp_path / "repo"
    (root / "src").mkdir(parents=True)
    (root / "docs").mkdir()
    (root / "src" / "app.py").write_text("x = 1\n")
    (root / "src" / "old.py").write_text("y = 2\n")
    (root / "docs" / "conf.py").write_text("z = 3\n")
    (root / ".gitignore").write_text("build/\n*.local.py\n")
    return root, init_repo(root)


def test_a_clean_tree_is_scanned_as_its_commit_and_reuses_results(repo, tmp_path):
    root, commit = repo
    first = scan_json(root, tmp_path)
    assert first["scan"]["commit"] == commit and "worktree" not in first["scan"]
    done = shoal("scan", str(root), "--workspace", str(tmp_path / "ws"), cwd=root)
    assert done.returncode == 0 and f"at {commit[:12]}: passed" in done.stdout and DIRTY not in done.stdout
    assert "files reused (unchanged)" in done.stdout  # incremental reuse keeps working


def test_modified_untracked_and_deleted_files_are_scanned_as_on_disk(repo, tmp_path):
    root, commit = repo
    (root / "src" / "app.py").write_text("x = 1\n" + EVAL)  # modified, not committed
    (root / "src" / "new.py").write_text(EVAL)  # untracked
    (root / "src" / "old.py").unlink()  # deleted
    (root / "src" / "staged.py").write_text("w = 4\n")
    git(root, "add", "src/staged.py")  # added to the index
    (root / "build").mkdir()
    (root / "build" / "out.py").write_text(EVAL)  # ignored
    (root / "src" / "me.local.py").write_text(EVAL)  # ignored by a pattern
    report = scan_json(root, tmp_path)
    assert finding_paths(report) == ["src/app.py", "src/new.py"]
    assert scanned_paths(report) == ["docs/conf.py", "src/app.py", "src/new.py", "src/staged.py"]
    assert report["scan"]["repository"] == str(root)
    assert report["scan"]["worktree"] == {"repository": str(root), "commit": commit, "modified": 1, "added": 1,
                                          "deleted": 1, "untracked": 1}
    # eval(input()): input() is a local source, reported a level lower (a warning)
    done = shoal("scan", str(root), "--workspace", str(tmp_path / "ws"), "--fail-on", "warning", cwd=root)
    assert done.returncode == 1, done.stderr
    assert (f"of the working tree of {commit[:12]} with uncommitted changes (1 modified, 1 added, 1 deleted, "
            "1 untracked): FAILED") in done.stdout
    summary = next((tmp_path / "ws" / "scans").glob("*/report/summary.md")).read_text()
    assert f"The working tree of `{commit[:12]}` with uncommitted changes" in summary
    html = next((tmp_path / "ws" / "scans").glob("*/report/index.html")).read_text()
    assert f"<td>Working tree</td><td>of <code>{commit[:12]}</code> with uncommitted changes" in html


def test_a_second_dirty_scan_sees_later_edits_and_deletions(repo, tmp_path):
    root, _ = repo
    (root / "src" / "new.py").write_text(EVAL)
    assert finding_paths(scan_json(root, tmp_path)) == ["src/new.py"]
    (root / "src" / "new.py").unlink()
    (root / "docs" / "conf.py").write_text(EVAL)
    report = scan_json(root, tmp_path)
    assert finding_paths(report) == ["docs/conf.py"] and "src/new.py" not in scanned_paths(report)


def test_ref_scans_the_commit_whatever_the_working_tree_holds(repo, tmp_path):
    root, commit = repo
    (root / "src" / "app.py").write_text(EVAL)
    report = scan_json(root, tmp_path, "--ref", "HEAD")
    assert report["scan"]["commit"] == commit and finding_paths(report) == [] and "worktree" not in report["scan"]


def test_a_subfolder_is_scanned_within_its_repository_with_the_roots_configuration(repo, tmp_path):
    root, commit = repo
    (root / ".shoal.toml").write_text('[scan]\nexclude = ["src/skip.py"]\n')
    (root / "src" / "skip.py").write_text(EVAL)
    (root / "src" / "app.py").write_text(EVAL)
    (root / "docs" / "conf.py").write_text(EVAL)  # outside the subfolder: not reported
    (root / "src" / "x.local.py").write_text(EVAL)  # the root's .gitignore applies
    report = scan_json(root / "src", tmp_path)
    assert finding_paths(report) == ["src/app.py"]
    assert [p for p in scanned_paths(report) if p.endswith(".py")] == ["src/app.py", "src/old.py"]
    assert report["scan"]["worktree"]["untracked"] == 2  # .shoal.toml and src/skip.py
    commit_all(root, "everything")
    clean = scan_json(root / "src", tmp_path)  # clean: the new commit, still only the subfolder
    assert clean["scan"]["commit"] != commit and "worktree" not in clean["scan"]
    assert finding_paths(clean) == ["src/app.py"]


def test_changes_outside_a_subfolder_leave_it_scanned_as_its_commit(repo, tmp_path):
    root, commit = repo
    (root / "docs" / "conf.py").write_text(EVAL)
    report = scan_json(root / "src", tmp_path)
    assert report["scan"]["commit"] == commit and finding_paths(report) == []


def test_a_diff_scan_of_a_dirty_tree_is_refused_with_what_to_do(repo, tmp_path):
    root, _ = repo
    (root / "src" / "app.py").write_text(EVAL)
    done = shoal("scan", str(root), "--workspace", str(tmp_path / "ws"), "--base", "main", cwd=root)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "uncommitted changes (1 modified" in done.stderr and "--ref HEAD" in done.stderr


def test_a_folder_inside_an_ignored_one_is_scanned_as_a_plain_folder(repo, tmp_path):
    """`build/` is ignored, so `build/gen` is too: git's `ls-files --directory` refused that path
    ("directory entry not superset of prefix"), and the scan then read none of its files."""
    root, _ = repo
    gen = root / "build" / "gen"
    gen.mkdir(parents=True)
    (gen / "out.py").write_text(EVAL)
    done = shoal("scan", str(gen), "--workspace", str(tmp_path / "ws"), "--format", "json", cwd=root)
    assert done.returncode in (0, 1), done.stderr
    assert "is ignored by the git repository" in done.stderr and "plain folder" in done.stderr
    assert finding_paths(json.loads(done.stdout)) == ["out.py"]


def test_a_dot_folder_is_scanned_within_its_repository(repo, tmp_path):
    """`.github` keeps its leading dot (it was once stripped, and the scan then found no file)."""
    root, _ = repo
    (root / ".github" / "scripts").mkdir(parents=True)
    (root / ".github" / "scripts" / "check.py").write_text(EVAL)
    (root / "src" / "more.").mkdir()
    (root / "src" / "more." / "x.py").write_text(EVAL)
    commit_all(root, "scripts in dot folders")
    assert enclosing_repository(root / ".github") == LocalTarget(root.resolve(), ".github")
    assert enclosing_repository(root / "src" / "more.") == LocalTarget(root.resolve(), "src/more.")
    assert enclosing_repository(root) == LocalTarget(root.resolve(), "")
    assert finding_paths(scan_json(root / ".github", tmp_path)) == [".github/scripts/check.py"]


def test_a_folder_the_repository_ignores_is_scanned_as_a_plain_folder_with_a_note(repo, tmp_path):
    root, _ = repo
    build = root / "build" / "gen"
    build.mkdir(parents=True)
    (build / "out.py").write_text(EVAL)
    (root / "src" / "app.py").write_text(EVAL)  # a dirty file outside it changes nothing
    done = shoal("scan", str(root / "build"), "--workspace", str(tmp_path / "ws"), "--format", "json", cwd=root)
    assert done.returncode in (0, 1), done.stderr
    assert "is ignored by the git repository" in done.stderr and "plain folder" in done.stderr
    report = json.loads(done.stdout)
    assert finding_paths(report) == ["gen/out.py"] and "worktree" not in report["scan"]
    within = scan_json(root / "src", tmp_path)  # a folder git shows is still scanned within it
    assert finding_paths(within) == ["src/app.py"]


def test_an_empty_or_binary_only_folder_is_a_warning_not_a_pass(tmp_path):
    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(64))
    done = shoal("scan", str(folder), "--workspace", str(tmp_path / "ws"), cwd=folder)
    assert done.returncode == 0, done.stderr
    assert "warning: no file was analysed" in done.stderr and "nothing analysed" in done.stdout
    assert "passed" not in done.stdout


def test_a_bare_repository_has_only_its_commit_to_scan(repo, tmp_path):
    root, commit = repo
    bare = tmp_path / "bare.git"
    git(tmp_path, "clone", "-q", "--bare", str(root), str(bare))
    report = scan_json(bare, tmp_path)
    assert report["scan"]["commit"] == commit and "worktree" not in report["scan"]
