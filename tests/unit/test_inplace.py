"""A plain local folder is scanned where it is (shoal.source.inplace): nothing of it is copied into the
workspace, and a file edited between the checkout and its agent is reported, not analysed."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from shoal.source import inplace
from shoal.scan.agent import read_shard, run_agent
from shoal.config import Settings
from shoal.scan.pipeline import ScanRequest, checkout_stage, merge_stage, plan_stage
from shoal.stages import PartitionTask
from shoal.workspace import ScanPaths, WorkspaceError

APP = b"import hashlib\n\ndef digest(data):\n    return hashlib.md5(data).hexdigest()\n"


def _folder(root: Path) -> Path:
    (root / "pkg").mkdir(parents=True)
    (root / "app.py").write_bytes(APP)
    (root / "pkg" / "util.py").write_bytes(b"def f(x):\n    return x + 1\n")
    (root / "notes.txt").write_bytes(b"nothing here\n")
    return root


def _files_under(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def _agents(settings: Settings, scan_id: str, plan) -> list:
    tasks = [PartitionTask(scan_id, plan.plan, plan.sha256, p, settings.thresholds) for p in plan.partitions]
    return [run_agent(task, Path(settings.workspace)) for task in tasks]


def test_a_plain_folder_is_read_in_place_and_nothing_of_it_lands_in_the_workspace(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "folder")
    workspace = tmp_path / "ws"
    settings = Settings(workspace=str(workspace))
    scan = checkout_stage(ScanRequest.from_event({"scan_id": "s1", "repository": str(folder)}), settings)
    plan = plan_stage("s1", settings)
    shards = _agents(settings, "s1", plan)
    summary = merge_stage(scan, plan, shards, settings)

    paths = ScanPaths(workspace, "s1")
    assert not paths.src.exists()
    created = _files_under(workspace)
    names = {Path(rel).name for rel in created}
    assert not names & {"app.py", "util.py", "notes.txt"}  # no copy of any source file
    # The scan's own files (checkout.json, source.json, plan.json, shards, reports), none per source file.
    assert len(created) == 3 + len(shards) + len(summary.reports)
    source = inplace.load(paths)
    assert source is not None and source.root == str(folder.resolve())
    assert dict(source.digests) == {rel: hashlib.sha256((folder / rel).read_bytes()).hexdigest()
                                    for rel in ("app.py", "notes.txt", "pkg/util.py")}
    assert summary.files == 2 and summary.findings["warning"] == 1  # app.py's weak hash


def test_a_file_edited_after_the_checkout_is_reported_and_left_out(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "folder")
    settings = Settings(workspace=str(tmp_path / "ws"))
    scan = checkout_stage(ScanRequest.from_event({"scan_id": "s1", "repository": str(folder)}), settings)
    plan = plan_stage("s1", settings)
    (folder / "app.py").write_bytes(APP + b"x = hashlib.md5(b'').digest()\n")  # edited while the scan runs
    shards = _agents(settings, "s1", plan)

    paths = ScanPaths(tmp_path / "ws", "s1")
    results = [read_shard(paths.shard(ref.partition).read_bytes()) for ref in shards]
    analysed = {f.path for files, _, _ in results for f in files}
    flagged = {finding.location.path for _, findings, _ in results for finding in findings}
    diagnostics = [line for _, _, lines in results for line in lines]
    assert analysed == {"pkg/util.py"} and "app.py" not in flagged  # neither old nor new version
    assert len(diagnostics) == 1 and diagnostics[0].startswith("app.py: skipped: changed during the scan")

    summary = merge_stage(scan, plan, shards, settings)
    report = json.loads((tmp_path / "ws" / summary.reports["json"]).read_bytes())
    assert any(line.startswith("app.py: skipped: changed during the scan") for line in report["diagnostics"])


def test_a_file_added_after_the_checkout_is_not_part_of_the_scan(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "folder")
    settings = Settings(workspace=str(tmp_path / "ws"))
    checkout_stage(ScanRequest.from_event({"scan_id": "s1", "repository": str(folder)}), settings)
    (folder / "late.py").write_bytes(b"x = 1\n")
    plan = plan_stage("s1", settings)
    assert plan.files == 3  # app.py, pkg/util.py and notes.txt: the tree the checkout read


def test_a_damaged_source_manifest_is_a_clear_error(tmp_path: Path) -> None:
    paths = ScanPaths(tmp_path, "s1")
    paths.root.mkdir(parents=True)
    paths.source_manifest.write_bytes(b'{"schema": "other"}')
    with pytest.raises(WorkspaceError, match="not a source manifest"):
        inplace.load(paths)


def test_a_git_scan_reads_its_export(tmp_path: Path) -> None:
    paths = ScanPaths(tmp_path, "s1")
    assert inplace.load(paths) is None and inplace.source_root(paths) == paths.src


def test_the_terminal_shows_the_code_as_scanned_and_none_of_a_file_edited_since(tmp_path: Path) -> None:
    from shoal.cli import in_place_lines

    folder = _folder(tmp_path / "folder")
    digests = {"app.py": hashlib.sha256(APP).hexdigest()}
    lines = in_place_lines(folder, digests)
    assert lines("app.py") == APP.decode().splitlines()
    assert lines("pkg/util.py") is None  # not a file the scan read
    (folder / "app.py").write_bytes(b"changed = 1\n")
    assert lines("app.py") is None
