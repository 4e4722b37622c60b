"""Results snapshots (shoal.scan.incremental): what they hold, which one a scan starts from, pruning."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from shoal.scan import incremental
from shoal.config import Settings, Thresholds
from shoal.models import Exclusion, FileMetrics, Finding, LineCounts, Location, Severity, SourceFile
from shoal.workspace import WorkspaceError

A, B = "a" * 40, "b" * 40


def _write(folder: Path, commit: str, key: str = "k1", diagnostics: tuple[str, ...] = ()) -> Path:
    files = [SourceFile("x.py", "python", 10), SourceFile("dir: odd/y.py", "python", 5)]
    metrics = [FileMetrics(path="x.py", language="python", bytes=10, lines=LineCounts(1, 0, 0), functions=())]
    finding = Finding(rule_id="r", severity=Severity.WARNING, confidence="high", message="m",
                      location=Location(path="x.py", start_line=1, start_col=1, end_line=1, end_col=1),
                      fingerprint="f")
    return incremental.write_snapshot(folder, key, commit, files, metrics, [finding],
                                      [Exclusion("vendor", "vendored")], diagnostics)


def test_a_snapshot_round_trips_and_names_the_files_to_redo(tmp_path: Path):
    path = _write(tmp_path, A, diagnostics=("dir: odd/y.py: not valid UTF-8 (byte 3)", "plan warning: x"))
    found = incremental.find_snapshot(tmp_path, "k1")
    assert found is not None and found.path == path and found.commit == A
    assert found.redo == {"dir: odd/y.py"}  # the path holds ": " itself; the warning names no file
    snapshot = incremental.load_snapshot(path, found.sha256)
    unchanged = incremental.Unchanged(tree=frozenset({"x.py", "dir: odd/y.py", "vendor/z.js"}),
                                      exported=frozenset({"dir: odd/y.py"}))
    assert [f.path for f in incremental.reused_files(snapshot, unchanged)] == ["x.py"]
    files, findings = incremental.reused_results(snapshot, unchanged)
    assert [f.path for f in files] == ["x.py"] and [f.rule_id for f in findings] == ["r"]
    assert incremental.reused_exclusions(snapshot, unchanged) == [Exclusion("vendor", "vendored")]
    gone = incremental.Unchanged(tree=frozenset({"x.py"}), exported=frozenset())
    assert incremental.reused_exclusions(snapshot, gone) == []  # the vendored folder went away
    # The same results always give the same bytes (no timestamp in the gzip header).
    assert _write(tmp_path, A, diagnostics=("dir: odd/y.py: not valid UTF-8 (byte 3)",)).read_bytes() == path.read_bytes()


def test_the_newest_snapshot_of_the_same_analysis_key_is_chosen(tmp_path: Path):
    old, new, other = _write(tmp_path, A), _write(tmp_path, B), _write(tmp_path, "c" * 40, key="k2")
    os.utime(old, (1, 1))
    found = incremental.find_snapshot(tmp_path, "k1")
    assert found is not None and found.path == new and new != other
    assert incremental.find_snapshot(tmp_path, "k3") is None
    assert incremental.find_snapshot(tmp_path / "absent", "k1") is None


def test_damaged_snapshots_are_passed_over(tmp_path: Path):
    good = _write(tmp_path, A)
    torn = _write(tmp_path, B)
    torn.write_bytes(torn.read_bytes()[:40])
    os.utime(good, (1, 1))  # the torn one is newer, and still not chosen
    found = incremental.find_snapshot(tmp_path, "k1")
    assert found is not None and found.path == good
    garbled = bytearray(good.read_bytes())
    garbled[-12] ^= 0xFF
    good.write_bytes(bytes(garbled))
    assert incremental.find_snapshot(tmp_path, "k1") is None


def test_pruning_keeps_the_newest_and_anything_a_running_scan_may_read(tmp_path: Path):
    paths = [_write(tmp_path, f"{i:040x}") for i in range(incremental.KEEP + 3)]
    folder = incremental.results_folder(tmp_path)
    for age, path in enumerate(reversed(paths)):
        os.utime(path, (1000.0 - age, 1000.0 - age))
    recent = incremental.prune(folder, keep=paths[-1], now=1000.0 + incremental.GRACE_SECONDS / 2)
    assert recent == []  # all within the grace period
    removed = incremental.prune(folder, keep=paths[-1], now=1000.0 + incremental.GRACE_SECONDS * 2)
    assert sorted(removed) == sorted(p.name for p in paths[:3])
    assert sorted(folder.iterdir()) == sorted(paths[3:])


def test_the_analysis_key_follows_what_changes_per_file_results():
    base = Settings()
    assert incremental.analysis_key(base) == incremental.analysis_key(Settings(fail_on="warning", workspace="/x"))
    for other in (Settings(security=False), Settings(max_file_bytes=10), Settings(parse_budget_ms=1),
                  Settings(thresholds=Thresholds(max_ccn=3))):
        assert incremental.analysis_key(other) != incremental.analysis_key(base)


def test_a_snapshot_is_parsed_once_for_the_plan_and_the_merge_then_let_go(tmp_path: Path):
    path = _write(tmp_path, A)
    found = incremental.find_snapshot(tmp_path, "k1")
    assert found is not None
    first = incremental.load_snapshot(path, found.sha256)
    path.unlink()  # the second reader of the same content needs no file
    assert incremental.load_snapshot(path, found.sha256) is first
    incremental.release_snapshot()
    with pytest.raises(WorkspaceError, match="is missing"):  # read again once released: the file is gone
        incremental.load_snapshot(path, found.sha256)
