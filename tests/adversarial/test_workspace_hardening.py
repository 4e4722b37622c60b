"""Hostile repositories and workspaces against the checkout and the scan folder: shared locks,
clashing tree entries, huge blobs, planted symlinks, an oversized .shoal.toml, idle workers."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from shoal.local import workers
from shoal.source.acquisition import acquire
from shoal.config import Settings
from shoal.local.early import Source
from shoal.errors import InputError
from shoal.local.engine import LocalEngine, local_options
from shoal.repoconfig import MAX_BYTES, load_repo_config
from shoal.scan.retention import lock_path, scan_lock
from shoal.source import packed
from shoal.source.checkout import checkout
from shoal.source.specs import parse_repository
from shoal.local.workers import WorkerPool
from shoal.workspace import ScanPaths, WorkspaceError
from tests.helpers import git, init_repo

MIB = 1024 * 1024


def _repo(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "origin"
    root.mkdir()
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    init_repo(root)
    return root


def _commit_tree(repo: Path, tree: str, branch: str) -> str:
    commit = git(repo, "commit-tree", tree, "-m", "crafted").strip()
    git(repo, "update-ref", f"refs/heads/{branch}", commit)
    return commit


def _blob(repo: Path, text: str) -> str:
    return subprocess.run(["git", "-C", str(repo), "hash-object", "-w", "--stdin"], input=text, text=True,
                          capture_output=True, check=True).stdout.strip()


def _mktree(repo: Path, lines: str) -> str:
    # mktree sorts the entries but keeps duplicates: a tree a well-behaved git never writes.
    return subprocess.run(["git", "-C", str(repo), "mktree"], input=lines, text=True,
                          capture_output=True, check=True).stdout.strip()


def _files(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text() for p in sorted(root.rglob("*")) if p.is_file()}


# --------------------------------------------------------------------------- 1: one lock per scan


def test_scans_whose_ids_share_a_prefix_before_a_dot_do_not_share_a_lock(tmp_path: Path):
    assert lock_path(tmp_path, "x.js-0123456789ab") != lock_path(tmp_path, "x.py-ba9876543210")
    assert lock_path(tmp_path, "x.js-0123456789ab").name == "x.js-0123456789ab.lock"
    with scan_lock(tmp_path, "x.js-0123456789ab"):
        with scan_lock(tmp_path, "x.py-ba9876543210"):  # was: "scan ... is already running"
            pass


def test_a_scan_id_that_would_be_another_scans_lock_file_is_refused(tmp_path: Path):
    with pytest.raises(WorkspaceError, match="not ending in '.lock'"):
        ScanPaths(tmp_path, "x.lock")


# --------------------------------------------------------------------------- 2: clashing tree entries


def test_a_tree_naming_a_path_twice_or_a_file_beside_its_folder_exports_the_first_and_skips_the_rest(
    tmp_path: Path,
):
    origin = _repo(tmp_path, {"keep.py": "k = 1\n"})
    first, second = _blob(origin, "first = 1\n"), _blob(origin, "second = 2\n")
    inner = _mktree(origin, f"100644 blob {second}\tx.py\n")
    tree = _mktree(
        origin,
        f"100644 blob {first}\tdup.py\n100644 blob {second}\tdup.py\n"
        f"100644 blob {first}\ta\n040000 tree {inner}\ta\n100644 blob {second}\tz.py\n",
    )
    _commit_tree(origin, tree, "crafted")

    result = checkout(parse_repository(str(origin)), "crafted", tmp_path / "ws" / "src", tmp_path / "scratch")

    assert _files(tmp_path / "ws" / "src") == {"a": "first = 1\n", "dup.py": "first = 1\n", "z.py": "second = 2\n"}
    assert {(s.path, s.reason) for s in result.skipped} == {("dup.py", "path-clash"), ("a/x.py", "path-clash")}
    assert result.files == 3


# --------------------------------------------------------------------------- 3: huge blobs

# Checks out the repository in a process of its own and prints the peak memory of that process
# and of the largest git process it ran (RUSAGE_CHILDREN: every git it waited for).
_MEASURED_CHECKOUT = """
import json, resource, sys
from pathlib import Path
from shoal.source.checkout import checkout
from shoal.source.specs import parse_repository
from tests.helpers import peak_rss_mb
repo, dest, scratch, cap = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
result = checkout(parse_repository(repo), None, dest, scratch, max_file_bytes=cap)
print(json.dumps({"skipped": [s.to_dict() for s in result.skipped], "self_peak_mb": peak_rss_mb(),
                  "git_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""
ROOT = Path(__file__).resolve().parents[2]


def _repo_with_huge_blob(tmp_path: Path, size: int) -> Path:
    origin = _repo(tmp_path, {"small.py": "s = 1\n", "edge.py": "#" * (MIB - 1) + "\n"})
    sparse = tmp_path / "zeros"
    with open(sparse, "wb") as handle:
        handle.truncate(size)  # a sparse file: no disk, and git stores its zeros in a few hundred KB
    oid = git(origin, "-c", "core.bigFileThreshold=1m", "hash-object", "-w", str(sparse)).strip()
    sparse.unlink()
    git(origin, "update-index", "--add", "--cacheinfo", f"100644,{oid},data/huge.py")
    git(origin, "commit", "-q", "-m", "huge")
    return origin


def test_a_blob_over_the_size_cap_is_never_written_and_git_never_holds_it(tmp_path: Path):
    origin = _repo_with_huge_blob(tmp_path, 200 * MIB)
    dest, scratch = tmp_path / "ws" / "src", tmp_path / "scratch"
    done = subprocess.run([sys.executable, "-c", _MEASURED_CHECKOUT, str(origin), str(dest), str(scratch), str(MIB)],
                          capture_output=True, text=True, timeout=300, check=True, cwd=ROOT)
    measured = json.loads(done.stdout)

    assert measured["skipped"] == [{"path": "data/huge.py", "reason": "too-large"}]
    # edge.py is exactly at the cap: exported, as the inventory analyses it.
    assert sorted(p.relative_to(dest).as_posix() for p in dest.rglob("*") if p.is_file()) == ["edge.py", "small.py"]
    written = sum(p.stat().st_blocks * 512 for p in dest.rglob("*"))
    assert written < 2 * MIB, f"the workspace grew by {written:,} bytes"
    # Before: git held the whole 200 MB blob (index-pack, cat-file): 204 MB measured.
    assert measured["git_peak_mb"] < 80, measured
    assert measured["self_peak_mb"] < 120, measured


def test_a_plain_folders_file_over_the_cap_is_neither_read_nor_copied(tmp_path: Path):
    folder = tmp_path / "plain"
    (folder / "data").mkdir(parents=True)
    (folder / "small.py").write_text("s = 1\n")
    with open(folder / "data" / "huge.py", "wb") as handle:
        handle.truncate(200 * MIB)
    dest = tmp_path / "ws" / "src"
    result = checkout(parse_repository(str(folder)), None, dest, tmp_path / "scratch", max_file_bytes=MIB)
    assert [(s.path, s.reason) for s in result.skipped] == [("data/huge.py", "too-large")]
    assert (result.files, result.bytes) == (1, 6)
    assert sum(p.stat().st_blocks * 512 for p in dest.rglob("*")) < MIB
    with open(folder / "data" / "huge.py", "r+b") as handle:
        handle.truncate(201 * MIB)  # the folder's id still changes with the file it did not read
    again = checkout(parse_repository(str(folder)), None, dest, tmp_path / "scratch", max_file_bytes=MIB)
    assert again.commit != result.commit


def test_the_checkout_step_caps_files_as_the_scan_settings_say(tmp_path: Path):
    origin = _repo(tmp_path, {"small.py": "s = 1\n", "big.py": "b = 1\n" * 2000})
    settings = Settings(workspace=str(tmp_path / "ws"), scratch=str(tmp_path), max_file_bytes=4096, repo_cache=False)
    acquired = acquire(Source("capped", str(origin)), settings)
    assert [(s.path, s.reason) for s in acquired.result.skipped] == [("big.py", "too-large")]
    tree = packed.load_beside(ScanPaths(tmp_path / "ws", "capped").src)  # a full export is packed
    assert tree is not None and {p: tree.read(p).decode() for p in tree.entries} == {"small.py": "s = 1\n"}


def test_the_files_that_configure_a_scan_are_exported_whatever_the_cap(tmp_path: Path):
    baseline = json.dumps({"padding": "x" * 8192})
    origin = _repo(tmp_path, {".shoal-baseline.json": baseline, ".gitignore": "#" * 8192 + "\n", "a.py": "a = 1\n"})
    result = checkout(parse_repository(str(origin)), None, tmp_path / "src", tmp_path / "scratch", max_file_bytes=4096)
    assert result.skipped == ()
    assert (tmp_path / "src" / ".shoal-baseline.json").read_text() == baseline


# --------------------------------------------------------------------------- 4: symlinks, .shoal.toml


def test_a_scan_folder_planted_as_a_symlink_is_refused_and_nothing_is_written_through_it(tmp_path: Path):
    origin = _repo(tmp_path, {"a.py": "a = 1\n"})
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "ws" / "scans").mkdir(parents=True)
    (tmp_path / "ws" / "scans" / "planted").symlink_to(elsewhere)

    done = subprocess.run(
        [sys.executable, "-m", "shoal.cli", "scan", str(origin), "--workspace", str(tmp_path / "ws"),
         "--scan-id", "planted", "--workers", "1"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )

    assert done.returncode == 2, done.stdout + done.stderr
    assert "is a symlink" in done.stderr and "Traceback" not in done.stderr
    assert list(elsewhere.iterdir()) == []
    with pytest.raises(WorkspaceError, match="is a symlink"):  # the checkout step refuses it on its own too
        acquire(Source("planted", str(origin)), Settings(workspace=str(tmp_path / "ws"), scratch=str(tmp_path)))
    assert list(elsewhere.iterdir()) == []


def test_a_lock_file_planted_as_a_symlink_is_not_followed(tmp_path: Path):
    target = tmp_path / "created-elsewhere"
    lock = lock_path(tmp_path / "ws", "s1")
    lock.parent.mkdir(parents=True)
    lock.symlink_to(target)
    with pytest.raises(InputError, match="is a symlink"):
        with scan_lock(tmp_path / "ws", "s1"):
            pass
    assert not target.exists()


def test_an_oversized_shoal_toml_is_refused_naming_the_file_and_the_limit(tmp_path: Path):
    (tmp_path / ".shoal.toml").write_text("# padding\n" * (MAX_BYTES // 10 + 1) + '[scan]\nfail_on = "none"\n')
    with pytest.raises(InputError, match=r"\.shoal\.toml is [\d,]+ bytes, over the limit of 262,144 bytes"):
        load_repo_config(tmp_path)


def test_a_checkout_refuses_an_oversized_shoal_toml_before_writing_anything(tmp_path: Path):
    origin = _repo(tmp_path, {".shoal.toml": "# padding\n" * (MAX_BYTES // 10 + 1), "a.py": "a = 1\n"})
    dest = tmp_path / "src"
    with pytest.raises(InputError, match=r"\.shoal\.toml is [\d,]+ bytes, over the limit"):
        checkout(parse_repository(str(origin)), None, dest, tmp_path / "scratch", max_file_bytes=MIB)
    assert list(dest.iterdir()) == []


def test_a_shoal_toml_at_the_limit_is_read(tmp_path: Path):
    text = '[scan]\nfail_on = "none"\n'
    (tmp_path / ".shoal.toml").write_text(text + "#" * (MAX_BYTES - len(text) - 1) + "\n")
    assert os.path.getsize(tmp_path / ".shoal.toml") == MAX_BYTES
    assert load_repo_config(tmp_path).fail_on == "none"


# --------------------------------------------------------------------------- 4: no idle workers


def test_a_pool_starts_a_worker_only_when_every_started_one_has_a_call(tmp_path: Path):
    with WorkerPool(3, {}, started=1) as pool:
        assert [pool.call(math.sqrt, x, timeout=30) for x in (1.0, 4.0, 9.0)] == [1.0, 2.0, 3.0]
        assert pool.started == 1  # calls one after the other: one worker
        calls = [threading.Thread(target=pool.call, args=(time.sleep, 1.0), kwargs={"timeout": 30}) for _ in range(2)]
        for thread in calls:
            thread.start()
        for thread in calls:
            thread.join()
        assert pool.started == 2  # two at once: a second one, never a third


def test_a_scan_with_fewer_partitions_than_workers_starts_no_idle_worker(tmp_path: Path, monkeypatch):
    origin = _repo(tmp_path, {"a.py": "def f(x):\n    return x\n", "b.js": "const b = 1;\n"})
    started: list[int] = []
    parked: list[int] = []
    real_init, real_wake = workers._Worker.__init__, workers._Worker.wake

    def counted(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        (parked if kwargs.get("parked", args[4] if len(args) > 4 else False) else started).append(1)
        real_init(self, *args, **kwargs)

    def woken(self):  # type: ignore[no-untyped-def]
        started.append(1)
        real_wake(self)

    monkeypatch.setattr(workers._Worker, "__init__", counted)
    monkeypatch.setattr(workers._Worker, "wake", woken)
    ws = str(tmp_path / "ws")
    event = {"scan_id": "small", "repository": str(origin), "options": {"workspace": ws, **local_options(4)}}
    summary = LocalEngine(4, {"SHOAL_WORKSPACE": ws, "POWERTOOLS_LOG_LEVEL": "WARNING"}).run(event, "shoal-agent")
    assert summary["partitions"] == 1
    # Parked workers (forked, never woken) cost a fork each, no import and no warm-up.
    assert len(started) == 1, f"--workers 4 put {len(started)} worker processes to work for 1 partition"
    assert len(parked) in (0, 3)
