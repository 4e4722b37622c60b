"""How many files and folders one scan creates in its workspace, counted with inotify (every create,
temporary files included: on S3 Files each is an NFS request, then an S3 PUT).

A full scan of a git repository exports its tree as one pack and an index (shoal.source.packed),
so it creates a few files per partition plus a fixed set, however many files the repository holds
(the first test); so does a diff scan, its touched files packed the same way (the third). A plain local folder is read in place: its scan creates no file per source file
at all (the second test).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.benchmarks import generated_repo
from tests.creations import Creations

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
FILES = 2_000
PARTITIONS = 6

# The fixed part of a fresh scan, outside the tree and the partitions: the workspace probe, scans/,
# the scan folder and its lock; checkout.json and plan.json (each a temporary file renamed);
# report/ and its four reports; the repository cache (cache/, repos/, the repository's folder, its
# lock, one pack and its index, the manifest, results/ and the results snapshot).
FIXED = 4 + 2 + 5 + 9


# The export of a tree with no file that configures a scan: src/ (left empty), the pack, and the
# index (a temporary file renamed).
EXPORT = 3


def _configuring_files(repo: Path) -> int:
    """The committed files a scan also writes loose (.gitignore files, .shoal.toml...): none here."""
    listed = subprocess.run(["git", "-C", str(repo), "ls-tree", "-r", "--name-only", "HEAD"],
                            capture_output=True, text=True, check=True).stdout.split()
    return sum(1 for path in listed if path.rsplit("/", 1)[-1] in (".gitignore", ".shoal.toml"))


def _scan(repo: Path, workspace: Path, *extra: str) -> Creations:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "shared"), "POWERTOOLS_LOG_LEVEL": "WARNING"}
    workspace.mkdir()
    with Creations(workspace) as created:
        done = subprocess.run(
            [sys.executable, "-m", "shoal.cli", "scan", str(repo), "--workspace", str(workspace), "--workers", "2",
             "--max-partitions", str(PARTITIONS), "--fail-on", "none", "-q", *extra],
            env=env, capture_output=True, text=True, check=False, cwd=ROOT,
        )
    assert done.returncode == 0, done.stderr[-3000:]
    return created


def _in_scan_folder(created: Creations, name: str) -> int:
    """Creations under scans/<scan>/<name> (the entry itself included)."""
    return sum(n for path, n in created.paths.items()
               if path.startswith("scans/") and len(parts := path.split("/")) > 2 and parts[2] == name)


def test_a_fresh_scan_of_a_git_repository_creates_a_few_workspace_files_per_partition(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    generated_repo.build(repo, FILES)
    assert _configuring_files(repo) == 0  # else each would be one more loose file under src/
    created = _scan(repo, tmp_path / "ws")

    shards = PARTITIONS + 1  # one shard per partition, and their folder
    state = _in_scan_folder(created, "state")  # the local engine's checkpoint store (Lambda's is the service)
    print(f"{FILES} files, {PARTITIONS} partitions: {created.total} creations, {state} of them the local "
          "checkpoint store")

    assert _in_scan_folder(created, "src") == 1  # the folder only: no source file is written loose
    assert _in_scan_folder(created, "shards") == shards
    assert created.total - state == EXPORT + shards + FIXED
    # The target: at most 4 files per partition plus a fixed number, whatever the tree holds.
    assert created.total - state <= 4 * PARTITIONS + EXPORT + FIXED
    # The store is rewritten (a temporary file, renamed) at each checkpoint, a few per partition:
    # how many depends on how the agents' completions batch, so it is bounded, not fixed.
    assert 2 <= state <= 8 * PARTITIONS + 16


# The fixed part of a fresh scan of a plain folder: the workspace probe, scans/, the scan folder and
# its lock; source.json, checkout.json and plan.json (each a temporary file renamed); report/ and
# its four reports. No repository cache (a plain folder has no git objects) and no src/.
FIXED_PLAIN = 4 + 3 + 5


def test_a_plain_folder_is_read_in_place_so_its_files_add_no_workspace_file(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    for path, content in generated_repo.files(FILES):
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_bytes(content)
    created = _scan(folder, tmp_path / "ws")

    shards = PARTITIONS + 1
    state = _in_scan_folder(created, "state")
    print(f"{FILES} files in a plain folder, {PARTITIONS} partitions: {created.total} creations, {state} the "
          "local checkpoint store")
    assert _in_scan_folder(created, "src") == 0
    assert _in_scan_folder(created, "shards") == shards
    assert created.total - state == shards + FIXED_PLAIN
    assert 2 <= state <= 8 * PARTITIONS + 16


# The fixed part of a diff scan in a fresh workspace: the fresh scan's, with changes.json (a temporary
# file renamed) and without the results snapshot and its folder (a diff scan leaves none).
FIXED_DIFF = FIXED + 1 - 2


def test_a_diff_scan_packs_its_touched_files_too(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    generated_repo.build(repo, FILES)
    touched = 0
    for index, (path, _) in enumerate(generated_repo.files(FILES)):
        if index % 2:  # every other file gets a line more
            with open(repo / path, "a", encoding="utf-8") as handle:
                handle.write("\n")
            touched += 1
    subprocess.run(["git", "-C", str(repo), "commit", "-q", "-a", "-m", "touch half"], check=True,
                   env={**generated_repo._GIT_ENV, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"})
    created = _scan(repo, tmp_path / "ws", "--base", "HEAD~1")

    shards = PARTITIONS + 1
    state = _in_scan_folder(created, "state")
    print(f"diff scan of {touched} touched files of {FILES}, {PARTITIONS} partitions: {created.total} creations, "
          f"{state} the local checkpoint store")
    assert touched > 4 * PARTITIONS + FIXED_DIFF  # a loose export would be far over the bound
    assert _in_scan_folder(created, "src") == 1  # the folder only: the touched files are in the pack
    assert _in_scan_folder(created, "source.pack") == 1 and _in_scan_folder(created, "shards") == shards
    assert created.total - state == EXPORT + shards + FIXED_DIFF
    assert created.total - state <= 4 * PARTITIONS + EXPORT + FIXED_DIFF
    assert 2 <= state <= 8 * PARTITIONS + 16
