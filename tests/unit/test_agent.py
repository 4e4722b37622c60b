from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from shoal.scan.agent import AgentTask, read_shard, run_agent
from shoal.config import Thresholds
from shoal.errors import InputError
from shoal.models import Partition, SourceFile
from shoal.workspace import ScanPaths, atomic_write

COMPLEX = "def f(a, b):\n" + "".join(f"    if a == {i}:\n        return {i}\n" for i in range(20)) + "    return b\n"


def publish_plan(workspace: Path, files: dict[str, str]) -> tuple[ScanPaths, str]:
    paths = ScanPaths(workspace, "demo")
    for name, text in files.items():
        (paths.src / name).parent.mkdir(parents=True, exist_ok=True)
        (paths.src / name).write_text(text)
    partition = Partition("p0000", tuple(SourceFile(n, "python", len(t)) for n, t in sorted(files.items())))
    digest = atomic_write(paths.plan, json.dumps({"partitions": [partition.to_dict()], "redaction_key": "0" * 64}).encode())
    return paths, digest


def test_agent_writes_a_shard_with_metrics_and_findings(tmp_path: Path):
    paths, digest = publish_plan(tmp_path, {"a.py": COMPLEX, "b.py": "x = 1\n"})
    result = run_agent(AgentTask("demo", "scans/demo/plan.json", digest, "p0000", Thresholds()), tmp_path)
    assert result.shard == "scans/demo/shards/p0000.json"
    assert result.files == 2 and result.findings == 1
    files, findings, diagnostics = read_shard((tmp_path / result.shard).read_bytes())
    assert [f.path for f in files] == ["a.py", "b.py"]
    assert findings[0].rule_id == "metrics/cyclomatic-complexity" and findings[0].location.path == "a.py"
    assert diagnostics == []


def test_running_twice_gives_the_same_shard(tmp_path: Path):
    _, digest = publish_plan(tmp_path, {"a.py": COMPLEX})
    task = AgentTask("demo", "scans/demo/plan.json", digest, "p0000", Thresholds())
    assert run_agent(task, tmp_path) == run_agent(task, tmp_path)


def test_a_file_swapped_for_a_symlink_is_skipped_with_a_diagnostic(tmp_path: Path):
    paths, digest = publish_plan(tmp_path, {"a.py": COMPLEX, "b.py": "y = 2\n"})
    (paths.src / "b.py").unlink()
    os.symlink("/etc/passwd", paths.src / "b.py")
    result = run_agent(AgentTask("demo", "scans/demo/plan.json", digest, "p0000", Thresholds()), tmp_path)
    files, _, diagnostics = read_shard((tmp_path / result.shard).read_bytes())
    assert [f.path for f in files] == ["a.py"]
    assert diagnostics == ["b.py: skipped: not a regular file"]


def test_a_tampered_plan_or_unknown_partition_is_refused(tmp_path: Path):
    _, digest = publish_plan(tmp_path, {"a.py": COMPLEX})
    with pytest.raises(InputError, match="p0009"):
        run_agent(AgentTask("demo", "scans/demo/plan.json", digest, "p0009", Thresholds()), tmp_path)
    with pytest.raises(Exception, match="expected"):
        run_agent(AgentTask("demo", "scans/demo/plan.json", "0" * 64, "p0000", Thresholds()), tmp_path)


def test_agent_event_round_trips_and_bad_events_are_input_errors():
    task = AgentTask("demo", "scans/demo/plan.json", "ab" * 32, "p0001", Thresholds(max_ccn=3))
    assert AgentTask.from_event(task.to_event()) == task
    with pytest.raises(InputError):
        AgentTask.from_event({"scan_id": "demo"})


def test_a_shard_with_an_undecodable_file_name_reads_back(tmp_path: Path):
    """A name that is not UTF-8 reaches the agent as a lone surrogate (surrogateescape), which
    orjson refuses to write or read: the shard still round-trips, through json."""
    name = os.fsdecode(b"caf\xe9.py")
    paths, digest = publish_plan(tmp_path, {name: COMPLEX, "b.py": "x = 1\n"})
    result = run_agent(AgentTask("demo", "scans/demo/plan.json", digest, "p0000", Thresholds()), tmp_path)
    files, findings, _ = read_shard((tmp_path / result.shard).read_bytes())
    assert [f.path for f in files] == ["b.py", name]
    assert [f.location.path for f in findings] == [name]


def test_a_process_that_runs_several_scans_reads_each_ones_plan_and_source_list(tmp_path: Path):
    # A worker parses a plan (and a folder's source list) once for all its partitions: a scan
    # whose plan or folder differ must still be analysed as its own.
    from shoal.source import inplace

    for round_, text in enumerate(["x = 1\n", COMPLEX]):
        workspace = tmp_path / str(round_)
        paths, digest = publish_plan(workspace, {"a.py": text})
        inplace.publish(paths, inplace.InPlaceSource(str(paths.src), {"a.py": "0" * 64}) if round_ else
                        inplace.InPlaceSource(str(paths.src)))
        result = run_agent(AgentTask("demo", "scans/demo/plan.json", digest, "p0000", Thresholds()), workspace)
        _, findings, diagnostics = read_shard((workspace / result.shard).read_bytes())
        if round_ == 0:
            assert findings == [] and diagnostics == []
        else:  # this scan's source list says a.py was another content: refused, not mixed
            assert result.files == 0 and "changed during the scan" in diagnostics[0]
