from __future__ import annotations

from pathlib import Path

import pytest

from shoal.workspace import ScanPaths, WorkspaceError, atomic_write, read_verified, sha256_bytes


def test_atomic_write_publishes_bytes_and_leaves_no_temp_files(tmp_path: Path):
    target = tmp_path / "scans" / "s" / "plan.json"
    digest = atomic_write(target, b"one")
    assert target.read_bytes() == b"one" and digest == sha256_bytes(b"one")
    atomic_write(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in target.parent.iterdir()] == ["plan.json"]


def test_read_verified_detects_a_changed_file(tmp_path: Path):
    target = tmp_path / "shard.json"
    digest = atomic_write(target, b"{}")
    assert read_verified(target, digest) == b"{}"
    target.write_bytes(b"{ }")
    with pytest.raises(WorkspaceError, match="expected"):
        read_verified(target, digest)
    with pytest.raises(WorkspaceError, match="missing"):
        read_verified(tmp_path / "absent.json", digest)


def test_scan_paths_refuse_ids_and_paths_that_leave_the_scan(tmp_path: Path):
    paths = ScanPaths(tmp_path, "repo-1234")
    assert paths.shard("p0003") == tmp_path / "scans" / "repo-1234" / "shards" / "p0003.json"
    assert paths.relative(paths.plan) == "scans/repo-1234/plan.json"
    for bad in ("../x", "a/b", "", ".hidden"):
        with pytest.raises(WorkspaceError):
            ScanPaths(tmp_path, bad)
    with pytest.raises(WorkspaceError):
        paths.shard("../p0001")
    with pytest.raises(WorkspaceError, match="outside"):
        paths.resolve("scans/other/plan.json")
