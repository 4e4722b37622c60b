"""One run per scan folder at a time, and retention that never removes a folder in use."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from shoal.scan.retention import DAY_SECONDS, ScanBusy, remove_old_scans, scan_lock


def make_scan(workspace: Path, name: str, age_days: float) -> Path:
    folder = workspace / "scans" / name
    (folder / "report").mkdir(parents=True)
    (folder / "plan.json").write_text("{}")
    stamp = time.time() - age_days * DAY_SECONDS
    for path in (folder, folder / "report", folder / "plan.json"):
        os.utime(path, (stamp, stamp))
    return folder


def test_a_second_run_of_the_same_scan_is_refused_while_the_first_holds_it(tmp_path: Path) -> None:
    with scan_lock(tmp_path, "repo-abc"):
        with pytest.raises(ScanBusy, match="scan repo-abc is already running"):
            with scan_lock(tmp_path, "repo-abc"):
                pass
        with scan_lock(tmp_path, "other-scan"):  # different scans do not block each other
            pass
    with scan_lock(tmp_path, "repo-abc"):  # released when the first run ended
        pass


def test_retention_removes_old_idle_scans_only(tmp_path: Path) -> None:
    old = make_scan(tmp_path, "old", 30)
    recent = make_scan(tmp_path, "recent", 1)
    busy = make_scan(tmp_path, "busy", 30)
    with scan_lock(tmp_path, "busy"):
        result = remove_old_scans(tmp_path, older_than_days=14)
    assert result.removed == ("old",) and result.kept_busy == ("busy",) and result.kept_recent == ("recent",)
    assert not old.exists() and recent.exists() and busy.exists()
    assert not (tmp_path / "scans" / "old.lock").exists()
    assert remove_old_scans(tmp_path / "missing", 14).removed == ()
