"""Small helpers shared by the unit and integration tests."""

from __future__ import annotations

import subprocess
from pathlib import Path


def peak_rss_mb() -> float:
    """This process's own peak resident memory in MB: VmHWM, the high-water mark of its address space.

    Not `ru_maxrss`: Linux carries that across exec, and Python starts children with vfork, so a
    child of a test runner that has grown to 400 MB reports at least 400 MB, whatever it used."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("/proc/self/status has no VmHWM line: peak memory is measured on Linux only")


def sarif_schema_path() -> Path:
    """The official SARIF 2.1.0 schema, kept in `shared/data/` beside the repository (not in it)."""
    beside_repo = Path(__file__).resolve().parents[1].parent
    return beside_repo / "shared" / "data" / "sarif-schema-2.1.0.json"


# A user-written rule, as a repository's own rules folder or `shoal rules test` would hold it.
HOUSE_RULE = """id: house/python-print
name: HousePrint
severity: warning
confidence: high
message: print() is not our logger
languages: [python]
queries:
  - |
    (call function: (identifier) @fn (#eq? @fn "print")) @finding
"""


def download_sdist(package: str, version: str, download: Path, extract_to: Path) -> Path:
    """A pinned source distribution from PyPI, unpacked; returns its folder."""
    import subprocess
    import sys
    import tarfile

    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
         f"{package}=={version}", "-d", str(download)],
        check=True,
    )
    archive = next(download.glob(f"{package}-{version}.tar.gz"))
    with tarfile.open(archive) as tar:
        # The "data" filter refuses links and paths out of the folder; Pythons before 3.11.4
        # (Debian 12's own 3.11.2) lack it, and the pinned sdist holds neither.
        safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
        tar.extractall(extract_to, **safe)
    return extract_to / f"{package}-{version}"


# git with an identity and a default branch of its own, whatever the machine's configuration.
GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "init.defaultBranch=main"]


def git(repo: Path, *args: str) -> str:
    """Run git in `repo`; its stdout."""
    return subprocess.run([*GIT, "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


def commit_all(repo: Path, message: str) -> str:
    """Commit everything in the working tree; the new commit's sha."""
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD").strip()


def init_repo(folder: Path, message: str = "import") -> str:
    """Make `folder` a git repository on `main` with everything in it as one commit; its sha."""
    git(folder, "init", "-q", "-b", "main")
    return commit_all(folder, message)
