"""Agents that fail, injected by configuration: retried with durable backoff, and a partition that
keeps failing costs only its own files; the scan ends partial, or fails past the threshold with
its partial reports written."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from shoal.local.engine import LocalEngine, ScanFailed


def scan(repo: Path, workspace: Path, **options: Any) -> tuple[dict[str, Any], LocalEngine]:
    engine = LocalEngine(2, {"SHOAL_WORKSPACE": str(workspace)})
    event = {
        "scan_id": "faulty",
        "repository": str(repo),
        "options": {"workspace": str(workspace), "min_partition_bytes": 16 * 1024, "max_partitions": 4,
                    "max_concurrency": 4, **options},
    }
    return engine.run(event, "shoal-agent"), engine


def names(engine: LocalEngine) -> set[str]:
    return {op.name or "" for op in engine.last_operations}


@pytest.mark.parametrize("fanout", ["invoke", "inline"])
def test_a_partition_that_keeps_failing_makes_the_scan_partial(corpus_repo, tmp_path: Path, fanout: str):
    repo, _ = corpus_repo
    summary, engine = scan(repo, tmp_path / "ws", faults="p0001:raise", fanout=fanout, agent_attempts=2)
    assert summary["partial"] is True and summary["failed_partitions"] == ["p0001"]
    report = json.loads((tmp_path / "ws" / summary["reports"]["json"]).read_bytes())
    plan = json.loads((tmp_path / "ws" / "scans" / "faulty" / "plan.json").read_bytes())
    lost = {f["path"] for p in plan["partitions"] if p["id"] == "p0001" for f in p["files"]}
    kept = {f["path"] for p in plan["partitions"] if p["id"] != "p0001" for f in p["files"] if f["language"] != "text"}
    failed = report["summary"]["failed_partitions"]
    assert [f["partition"] for f in failed] == ["p0001"] and set(failed[0]["files"]) == lost
    assert "injected fault in partition p0001" in failed[0]["error"]
    analysed = {f["path"] for f in report["files"]}
    assert kept <= analysed and not (lost & analysed)
    assert any(d.startswith("partition p0001 failed") for d in report["diagnostics"])
    if fanout == "invoke":
        assert {"agent-p0001", "agent-p0001-retry1", "backoff-p0001-1"} <= names(engine)


def test_a_transient_failure_is_retried_and_the_scan_is_complete(corpus_repo, tmp_path: Path):
    repo, _ = corpus_repo
    summary, engine = scan(repo, tmp_path / "ws", faults="p0000:flaky")
    assert summary["partial"] is False and summary["failed_partitions"] == []
    assert {"agent-p0000", "backoff-p0000-1", "agent-p0000-retry1"} <= names(engine)
    assert not any(n.startswith("agent-p0001-retry") for n in names(engine))


def test_past_the_threshold_the_scan_fails_but_its_partial_reports_are_written(corpus_repo, tmp_path: Path):
    repo, _ = corpus_repo
    with pytest.raises(ScanFailed, match="1 of .* partitions failed, more than the 0 allowed") as caught:
        scan(repo, tmp_path / "ws", faults="p0001:raise", max_failed_partitions=0, agent_attempts=1)
    report_dir = tmp_path / "ws" / "scans" / "faulty" / "report"
    assert str(report_dir.relative_to(tmp_path / "ws")) in str(caught.value)
    assert json.loads((report_dir / "findings.json").read_bytes())["summary"]["partial"] is True


# Faults that take the agent's time or its process: the engine cuts a hung agent off at the agent
# timeout and turns a dead one into a failed invoke of that partition only; both are retried.
# (faults, partitions expected to fail, text expected in their error)
PROCESS_FAULT_CASES = {
    "hang": ("p0001:hang", ["p0001"], "did not finish within 3 s"),
    "die": ("p0001:die", ["p0001"], "killed by SIGKILL"),
    "hang-once": ("p0001:hang-once", [], ""),
    "die-once": ("p0002:die-once", [], ""),
    "mixed": ("p0000:die-once,p0001:hang,p0002:flaky,p0003:raise", ["p0001", "p0003"], ""),
    "mixed-transient": ("p0000:hang-once,p0001:die-once,p0002:flaky", [], ""),
    "all-die": ("p0000:die,p0001:die,p0002:die,p0003:die", ["p0000", "p0001", "p0002", "p0003"], "SIGKILL"),
}


@pytest.mark.parametrize("case", sorted(PROCESS_FAULT_CASES))
def test_hung_and_dying_agents_cost_only_their_own_partition(corpus_repo, tmp_path: Path, case: str):
    faults, expected_failed, error_text = PROCESS_FAULT_CASES[case]
    repo, _ = corpus_repo
    summary, engine = scan(repo, tmp_path / "ws", faults=faults, agent_timeout=3, agent_attempts=2)
    assert summary["partitions"] == 4
    assert summary["failed_partitions"] == expected_failed and summary["partial"] is bool(expected_failed)
    report = json.loads((tmp_path / "ws" / summary["reports"]["json"]).read_bytes())
    plan = json.loads((tmp_path / "ws" / "scans" / "faulty" / "plan.json").read_bytes())
    code = {p["id"]: {f["path"] for f in p["files"] if f["language"] != "text"} for p in plan["partitions"]}
    analysed = {f["path"] for f in report["files"]}
    for partition, paths in code.items():
        # Every partition that did not fail is analysed in full, whatever happened beside it.
        assert (paths & analysed) == (set() if partition in expected_failed else paths), partition
    failed = report["summary"]["failed_partitions"]
    assert [f["partition"] for f in failed] == expected_failed
    assert all(error_text in f["error"] for f in failed)
    for partition, kind in (item.split(":") for item in faults.split(",")):
        assert f"agent-{partition}-retry1" in names(engine), f"{partition} ({kind}) was not retried"
    for partition in set(code) - {item.split(":")[0] for item in faults.split(",")}:
        assert f"agent-{partition}-retry1" not in names(engine), f"{partition} was retried for nothing"


def test_hang_and_die_are_refused_inline_where_they_would_take_the_orchestrator_down(corpus_repo, tmp_path: Path):
    repo, _ = corpus_repo
    with pytest.raises(ScanFailed, match="need fanout 'invoke'"):
        scan(repo, tmp_path / "ws", faults="p0001:die", fanout="inline")
