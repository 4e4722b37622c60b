"""How many files and folders one scan creates in its workspace, counted with inotify (every create,
temporary files included: on S3 Files each is an NFS request, then an S3 PUT).

Today's layout exports the tree one file per source file, so a scan creates as many files as the
repository holds, plus a few per partition and a fixed set. The test asserts that formula as it
stands; the workspace-layout issue ("a workspace of a few large files") is to replace the first
term by a few files per partition, and then tightens `exported` below. A plain local folder is
read in place already: its scan creates no file per source file at all (the second test).
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


def _tree_entries(repo: Path) -> int:
    """Files and folders of the committed tree, plus the export's own root folder (src/)."""
    listed = subprocess.run(["git", "-C", str(repo), "ls-tree", "-r", "-t", "--name-only", "HEAD"],
                            capture_output=True, text=True, check=True).stdout.split()
    return len(listed) + 1


def _scan(repo: Path, workspace: Path) -> Creations:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "shared"), "POWERTOOLS_LOG_LEVEL": "WARNING"}
    workspace.mkdir()
    with Creations(workspace) as created:
        done = subprocess.run(
            [sys.executable, "-m", "shoal.cli", "scan", str(repo), "--workspace", str(workspace), "--workers", "2",
             "--max-partitions", str(PARTITIONS), "--fail-on", "none", "-q"],
            env=env, capture_output=True, text=True, check=False, cwd=ROOT,
        )
    assert done.returncode == 0, done.stderr[-3000:]
    return created


def _in_scan_folder(created: Creations, name: str) -> int:
    """Creations under scans/<scan>/<name> (the entry itself included)."""
    return sum(n for path, n in created.paths.items()
               if path.startswith("scans/") and len(parts := path.split("/")) > 2 and parts[2] == name)


def test_a_fresh_scan_creates_one_workspace_file_per_source_file_plus_a_few_per_partition(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    generated_repo.build(repo, FILES)
    created = _scan(repo, tmp_path / "ws")

    exported = _tree_entries(repo)  # the loose tree: the term the layout issue removes
    shards = PARTITIONS + 1  # one shard per partition, and their folder
    state = _in_scan_folder(created, "state")  # the local engine's checkpoint store (Lambda's is the service)
    print(f"{FILES} files, {PARTITIONS} partitions: {created.total} creations, {exported} of them the exported "
          f"tree, {state} the local checkpoint store")

    assert _in_scan_folder(created, "src") == exported
    assert _in_scan_folder(created, "shards") == shards
    assert created.total - state == exported + shards + FIXED
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
