"""Scans share one workspace: different repositories, and one repository at different commits,
run at the same time in their own folders without touching each other's files; a second request
for a scan that is running (same repository and ref: same scan id) is refused, clearly, and
runs nothing.

Each scan is held in its fan-out for a few seconds by an injected `hang-once` fault (cut off at
the agent timeout, then retried), so the scans provably overlap."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from shoal.cli import EXIT_ERROR, EXIT_OK, default_scan_id
from shoal.source import packed

from tests.helpers import git

SHOAL = [sys.executable, "-m", "shoal.cli"]
HOLD_SECONDS = 6  # agent timeout: how long the hung first attempt holds each scan



def make_repo(path: Path, commits: list[dict[str, bytes]]) -> list[str]:
    path.mkdir(parents=True)
    git(path, "init", "-q", "-b", "main")
    shas = []
    for number, files in enumerate(commits):
        for name, data in files.items():
            (path / name).write_bytes(data)
        git(path, "add", "-A")
        git(path, "commit", "-q", "-m", f"commit {number}")
        shas.append(git(path, "rev-parse", "HEAD").strip())
    return shas


def start(repo: Path, ref: str, workspace: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "SHOAL_FAULTS": "p0000:hang-once", "SHOAL_AGENT_TIMEOUT": str(HOLD_SECONDS)}
    command = [*SHOAL, "scan", str(repo), "--ref", ref, "--workspace", str(workspace), "--workers", "1",
               "--fail-on", "none"]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(paths: list[Path], timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while not all(p.exists() for p in paths):
        assert time.monotonic() < end, f"never appeared: {[str(p) for p in paths if not p.exists()]}"
        time.sleep(0.1)


def report(workspace: Path, scan_id: str) -> dict:
    return json.loads((workspace / "scans" / scan_id / "report" / "findings.json").read_bytes())


def test_scans_of_different_repositories_and_commits_share_a_workspace(tmp_path: Path):
    alpha = tmp_path / "alpha"
    first, second = make_repo(alpha, [
        {"a.py": b"def one(x):\n    return x\n"},
        {"a.py": b"def one(x):\n    return x + 1\n", "b.py": b"def two(y):\n    return y\n"},
    ])
    (beta_head,) = make_repo(tmp_path / "beta", [{"c.js": b"function three(z) { return z; }\n"}])
    workspace = tmp_path / "ws"
    requests = [(alpha, first), (alpha, second), (tmp_path / "beta", beta_head)]
    scan_ids = [default_scan_id(str(repo), ref) for repo, ref in requests]
    assert len(set(scan_ids)) == 3
    processes = [start(repo, ref, workspace) for repo, ref in requests]
    wait_for([workspace / "scans" / s / "plan.json" for s in scan_ids])
    # All three planned and none finished: they run at the same time.
    assert [p.poll() for p in processes] == [None, None, None]
    outcomes = [p.communicate(timeout=120) for p in processes]
    assert [p.returncode for p in processes] == [EXIT_OK] * 3, outcomes
    expected = [({"a.py"}, first, ["one"]), ({"a.py", "b.py"}, second, ["one", "two"]), ({"c.js"}, beta_head, ["three"])]
    for scan_id, (paths, commit, functions) in zip(scan_ids, expected):
        document = report(workspace, scan_id)
        assert document["scan"]["commit"] == commit
        assert {f["path"] for f in document["files"]} == paths
        assert sorted(fn["name"] for f in document["files"] for fn in f["functions"]) == functions
        # Each folder holds its own commit's tree (packed), and nothing of the others'.
        assert set(_tree(workspace, scan_id).entries) == paths
    # The same file at two commits, side by side, each as its own commit has it.
    assert _tree(workspace, scan_ids[0]).read("a.py") == b"def one(x):\n    return x\n"
    assert _tree(workspace, scan_ids[1]).read("a.py") == b"def one(x):\n    return x + 1\n"


def _tree(workspace: Path, scan_id: str) -> packed.PackedSource:
    tree = packed.load_beside(workspace / "scans" / scan_id / "src")
    assert tree is not None, "a full scan of a git repository exports its tree as one pack"
    return tree


def test_a_second_request_for_a_running_scan_is_refused_and_runs_nothing(tmp_path: Path):
    repo = tmp_path / "alpha"
    (sha,) = make_repo(repo, [{"a.py": b"def one(x):\n    return x\n"}])
    workspace = tmp_path / "ws"
    scan_id = default_scan_id(str(repo), sha)
    first = start(repo, sha, workspace)
    wait_for([workspace / "scans" / scan_id / "plan.json"])
    shards = workspace / "scans" / scan_id / "shards"
    before = sorted(p.name for p in shards.iterdir()) if shards.exists() else []
    second = start(repo, sha, workspace)
    _, error = second.communicate(timeout=60)
    assert first.poll() is None, "the first scan ended before the second request: no overlap to test"
    assert second.returncode == EXIT_ERROR
    assert f"scan {scan_id} is already running in {workspace}" in " ".join(error.split())
    assert (sorted(p.name for p in shards.iterdir()) if shards.exists() else []) == before
    first.communicate(timeout=120)
    assert first.returncode == EXIT_OK
    assert report(workspace, scan_id)["scan"]["commit"] == sha
