"""Real source trees for the integration tests, installed from the package registry at set-up."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.helpers import download_sdist, init_repo

# A pinned real project with Python and C sources: small enough for CI, big enough to partition.
CORPUS = ("simplejson", "3.19.3")


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """simplejson's source distribution from PyPI, unpacked (a plain folder, not a git repo)."""
    download = tmp_path_factory.mktemp("sdist")
    return download_sdist(*CORPUS, download, download)


@pytest.fixture(scope="session")
def corpus_repo(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The same tree as a git repository with one commit; returns (path, commit sha)."""
    repo = tmp_path_factory.mktemp("repo") / "simplejson"
    subprocess.run(["cp", "-a", str(corpus_dir), str(repo)], check=True)
    return repo, init_repo(repo)


# One `sam build` per session, shared by test_sam.py and test_sam_local.py.
from tests.e2e.sam import sam_build  # noqa: E402, F401
