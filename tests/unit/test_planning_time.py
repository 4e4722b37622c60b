"""Partitions sized from a time estimate, so that an agent finishes well inside its timeout; what
cannot fit is said in the plan's warnings and the report's diagnostics."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from shoal.scan.agent import AgentTask, run_agent
from shoal.config import Settings
from shoal.models import SourceFile
from shoal.scan.pipeline import ScanRequest, checkout_stage, merge_stage, plan_stage
from shoal.scan.planning import (
    LAMBDA_SLOWDOWN,
    SECONDS_PER_BYTE,
    SECONDS_PER_FILE,
    UNMEASURED_SECONDS_PER_BYTE,
    estimated_seconds,
    partition_seconds,
    plan_partitions,
    time_cap,
    time_warnings,
)

MB = 1024 * 1024
HUGE = 1 << 40  # min_partition_bytes: bytes alone would ask for one partition


def python_files(count: int, size: int, prefix: str = "m") -> list[SourceFile]:
    return [SourceFile(f"{prefix}{i:03d}.py", "python", size) for i in range(count)]


def test_the_estimate_is_per_language_and_conservative_for_languages_not_measured():
    one_mb = estimated_seconds(SourceFile("a.py", "python", MB))
    assert one_mb == pytest.approx(LAMBDA_SLOWDOWN * (SECONDS_PER_FILE + MB * SECONDS_PER_BYTE["python"]))
    assert estimated_seconds(SourceFile("a.rs", "rust", MB)) == pytest.approx(
        LAMBDA_SLOWDOWN * (SECONDS_PER_FILE + MB * UNMEASURED_SECONDS_PER_BYTE)
    )
    assert estimated_seconds(SourceFile("a.txt", "text", MB)) < one_mb / 10
    assert time_cap(900) == 300


def test_a_short_timeout_makes_more_partitions_than_bytes_alone_and_each_fits():
    files = python_files(40, 100 * 1024)  # 0.07 s each, 2.9 s in all
    assert len(plan_partitions(files, max_partitions=64, min_partition_bytes=HUGE)) == 1
    parts = plan_partitions(files, max_partitions=64, min_partition_bytes=HUGE, agent_timeout=3)
    assert len(parts) >= 3 and all(partition_seconds(p) <= time_cap(3) for p in parts)
    assert time_warnings(parts, 3) == []
    assert sorted(f.path for p in parts for f in p.files) == sorted(f.path for f in files)


def test_with_the_lambda_timeout_ordinary_repositories_plan_as_before():
    files = python_files(3000, 6000)
    assert plan_partitions(files, max_partitions=64, agent_timeout=900) == plan_partitions(files, max_partitions=64)


def test_max_partitions_bounds_the_fan_out_and_the_shortfall_is_said():
    files = python_files(40, 100 * 1024)
    parts = plan_partitions(files, max_partitions=2, min_partition_bytes=HUGE, agent_timeout=3)
    assert len(parts) == 2
    warnings = time_warnings(parts, 3)
    assert len(warnings) == 2
    assert "over the 1 s planned per agent (0.33 of the 3 s agent timeout)" in warnings[0]
    assert "max_partitions (2) is too few for this repository, raise SHOAL_MAX_PARTITIONS" in warnings[0]


def test_a_huge_file_goes_alone_and_relies_on_the_parse_budget():
    huge = SourceFile("generated/huge.py", "python", 50 * MB)  # 36 s
    files = [huge, *python_files(30, 20 * 1024)]
    parts = plan_partitions(files, max_partitions=8, min_partition_bytes=HUGE, agent_timeout=30)
    alone = [p for p in parts if huge in p.files]
    assert len(alone) == 1 and alone[0].files == (huge,)
    assert all(partition_seconds(p) <= time_cap(30) for p in parts if p is not alone[0])
    assert time_warnings(parts, 30) == [
        f"partition {alone[0].id}: generated/huge.py alone is estimated at 36 s, over the 10 s planned per "
        "agent (0.33 of the 30 s agent timeout): it relies on the parse budget"
    ]


def test_the_sized_plan_is_deterministic():
    files = python_files(40, 100 * 1024) + python_files(25, 3000, prefix="s")
    first = plan_partitions(files, max_partitions=16, min_partition_bytes=HUGE, agent_timeout=3)
    assert plan_partitions(list(reversed(files)), max_partitions=16, min_partition_bytes=HUGE, agent_timeout=3) == first


def test_the_plan_warnings_reach_the_report(tmp_path: Path):
    src = tmp_path / "repo"
    src.mkdir()
    body = b"".join(b"def f%d(a):\n    return a + %d\n\n" % (i, i) for i in range(16_000))  # 500 KB
    (src / "one.py").write_bytes(body)
    (src / "two.py").write_bytes(body)
    settings = Settings(workspace=str(tmp_path / "ws"), max_partitions=1, agent_timeout=1, max_file_bytes=MB)
    scan = checkout_stage(ScanRequest.from_event({"scan_id": "t", "repository": str(src)}), settings)
    plan = plan_stage("t", settings)
    assert plan.warnings == 1
    task = AgentTask("t", plan.plan, plan.sha256, plan.partitions[0], settings.thresholds)
    summary = merge_stage(scan, plan, [run_agent(task, tmp_path / "ws")], settings)
    report = json.loads((tmp_path / "ws" / summary.reports["json"]).read_bytes())
    assert [d for d in report["diagnostics"] if "raise SHOAL_MAX_PARTITIONS" in d] == [
        "partition p0000 (2 files) is estimated at 1 s, over the 0.333333 s planned per agent (0.33 of the 1 s "
        "agent timeout): max_partitions (1) is too few for this repository, raise SHOAL_MAX_PARTITIONS"
    ]
