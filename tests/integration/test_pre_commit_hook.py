"""The `shoal` pre-commit hook (.pre-commit-hooks.yaml), run by `pre-commit try-repo` against this
checkout: pre-commit installs the hook's environment from it (PyPI only) and passes the staged files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import git, init_repo

ROOT = Path(__file__).resolve().parents[2]
VULNERABLE = "import pickle\n\n\ndef load(data):\n    return pickle.loads(data)\n"
CLEAN = "def add(a, b):\n    return a + b\n"

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def hook_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """pre-commit's own folder, shared by the tests: the hook's environment is installed once."""
    return tmp_path_factory.mktemp("pre-commit-home")


def try_repo(project: Path, home: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    pytest.importorskip("pre_commit", reason="pre-commit (dev extra) is not installed")
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "SHOAL_WORKSPACE": str(tmp_path / "ws"),
           "PYTHONPATH": "", "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "shoal", "--verbose"],
                          cwd=project, capture_output=True, text=True, timeout=1200, env=env)


def project_with_staged(tmp_path: Path, name: str, text: str) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    (project / "README.md").write_text("a project\n")
    (project / "old.py").write_text(VULNERABLE)  # committed before: not staged, so not scanned
    init_repo(project)
    (project / "pkg").mkdir()
    (project / "pkg" / name).write_text(text)
    git(project, "add", f"pkg/{name}")
    return project


def test_a_staged_vulnerable_file_fails_the_hook_and_is_shown(hook_home: Path, tmp_path: Path) -> None:
    project = project_with_staged(tmp_path, "loader.py", VULNERABLE)
    done = try_repo(project, hook_home, tmp_path)
    assert done.returncode != 0, done.stdout + done.stderr
    assert "pkg/loader.py" in done.stdout and "deserialization/python-pickle" in done.stdout
    assert "old.py" not in done.stdout  # only the staged file is reported


def test_a_staged_clean_file_passes_the_hook(hook_home: Path, tmp_path: Path) -> None:
    project = project_with_staged(tmp_path, "adder.py", CLEAN)
    done = try_repo(project, hook_home, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Passed" in done.stdout
